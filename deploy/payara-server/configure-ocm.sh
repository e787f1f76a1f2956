#!/usr/bin/env bash
# Prepares a running Payara Server 6 domain for the OCM-EE EAR (README, "Deploying into your
# server", Payara Server): the data source jdbc/ocm on PostgreSQL, realm groups mapped to roles of
# the same name, and the module's settings as system properties. The PostgreSQL driver jar must be
# in the domain's lib folder before the domain starts.
#
#   ASADMIN="$PAYARA_HOME/bin/asadmin --port 4848" \
#   OCM_DB_HOST=127.0.0.1 OCM_DB_PORT=5432 OCM_DB_NAME=ocm OCM_DB_USER=ocm \
#   OCM_DB_PASSWORD_FILE=/root/ocm-db-password \
#   OCM_PUBLIC_URL=https://cloud.example.org OCM_DATA_DIR=/var/lib/ocm-ee \
#   deploy/payara-server/configure-ocm.sh
#
# The database password is read from a file and stored as the password alias "ocm-db-password";
# it never appears on a command line. Other ocm.* settings can be added the same way as
# ocm.public-url below (asadmin create-system-properties).
set -euo pipefail
: "${ASADMIN:?set ASADMIN, e.g. \"\$PAYARA_HOME/bin/asadmin --port 4848\"}"
: "${OCM_DB_NAME:?}" "${OCM_DB_USER:?}" "${OCM_DB_PASSWORD_FILE:?}" "${OCM_PUBLIC_URL:?}" "${OCM_DATA_DIR:?}"
host=${OCM_DB_HOST:-127.0.0.1}
port=${OCM_DB_PORT:-5432}

# asadmin property lists separate with ':' and assign with '='; both are escaped with '\'.
esc() { local v=${1//\\/\\\\}; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }

umask 077
pwfile=$(mktemp)
trap 'rm -f "$pwfile"' EXIT
printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$(cat "$OCM_DB_PASSWORD_FILE")" > "$pwfile"
$ASADMIN --passwordfile "$pwfile" create-password-alias ocm-db-password

props="serverName=$(esc "$host"):portNumber=$port:databaseName=$(esc "$OCM_DB_NAME")"
props="$props:user=$(esc "$OCM_DB_USER"):password=\${ALIAS\=ocm-db-password}"
$ASADMIN create-jdbc-connection-pool --ping=true \
    --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource \
    --property="$props" ocm-pool
$ASADMIN create-jdbc-resource --connectionpoolid=ocm-pool jdbc/ocm

# web.xml authenticates against the realm "file"; its groups ocm-user / ocm-admin become the roles.
$ASADMIN set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true

$ASADMIN create-system-properties \
    "ocm.public-url=$(esc "$OCM_PUBLIC_URL"):ocm.data-dir=$(esc "$OCM_DATA_DIR")"

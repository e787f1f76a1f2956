#!/usr/bin/env bash
# Binds every listener of a stopped Payara Server 6 domain to 127.0.0.1 and moves its ports by an
# offset, for a test or a server behind a local reverse proxy (README, "Deploying into your
# server", Payara Server). Run before the first start-domain:
#
#   deploy/payara-server/loopback-domain.sh $PAYARA_HOME/glassfish/domains/domain1 20000
#
# HTTP 8080, HTTPS 8181, admin 4848, IIOP 3700/3820/3920, JMX 8686 and the Hazelcast DAS
# (4900, start 5900) all move by the offset; das-bind-address pins Hazelcast to 127.0.0.1. The
# embedded JMS broker (7676, which would listen on every interface) is disabled, and so is the
# H2 TCP server of the built-in timer database (AUTO_SERVER, a random port). Only the running
# server's configuration (server-config) is changed, not the default-config template.
set -euo pipefail
domain=${1:?usage: loopback-domain.sh <domain dir> [port offset]}
offset=${2:-0}
xml="$domain/config/domain.xml"
[ -f "$xml" ] || { echo "no $xml" >&2; exit 2; }
cp -n "$xml" "$xml.before-loopback"
python3 - "$xml" "$offset" <<'PY'
import re, sys
path, offset = sys.argv[1], int(sys.argv[2])
xml = open(path, encoding="utf-8").read()

def port(m):
    return f'{m.group(1)}port="{int(m.group(2)) + offset}"'

# Only the running server's configuration (server-config), not the default-config template.
start = xml.index('<config name="server-config"')
end = xml.index('</config>', start)
cfg = xml[start:end]
cfg = cfg.replace('address="0.0.0.0"', 'address="127.0.0.1"')
cfg = re.sub(r'<network-listener (?![^>]*\baddress=)', '<network-listener address="127.0.0.1" ', cfg)
cfg = re.sub(r'(<(?:network-listener|iiop-listener|jmx-connector)[^>]*?\s)port="(\d+)"', port, cfg)
# The embedded JMS broker's lazy listener (JMS_PROVIDER_PORT, 7676) binds to every interface; the
# module does not use JMS, so the server's broker is switched off.
if '<jms-service' in cfg:
    cfg = re.sub(r'(<jms-service[^>]*?)type="(EMBEDDED|LOCAL)"', r'\1type="DISABLED"', cfg)
else:
    cfg = cfg.replace('<config name="server-config">', '<config name="server-config">\n'
                      '      <jms-service type="DISABLED" default-jms-host="default_JMS_host">'
                      '<jms-host name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}">'
                      '</jms-host></jms-service>', 1)
xml = xml[:start] + cfg + xml[end:]

# The built-in H2 pools (EJB timers, jdbc/__default) use AUTO_SERVER=TRUE, which opens an H2 TCP
# server on a random port of every interface as soon as the timer service starts; one server
# process needs no such server.
xml = xml.replace(';AUTO_SERVER=TRUE', '')

hz = re.search(r'<hazelcast-runtime-configuration[^>]*>', xml).group(0)
new = hz.replace('<hazelcast-runtime-configuration', '<hazelcast-runtime-configuration das-bind-address="127.0.0.1"', 1) if 'das-bind-address' not in hz else hz
new = re.sub(r'(start-port|das-port)="(\d+)"', lambda m: f'{m.group(1)}="{int(m.group(2)) + offset}"', new)
xml = xml.replace(hz, new)
open(path, "w", encoding="utf-8").write(xml)
PY
grep -oE '<(network-listener|iiop-listener|jmx-connector|jms-service)[^>]*>|<hazelcast-runtime-configuration[^>]*>' "$xml" | head -10

package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.ItSettings;
import io.ocmee.it.support.OcmInstance;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README "Identity realms", Payara LDAP: the embedded default (Payara Micro) with its realm {@code
 * file} turned into an {@code LDAPRealm} by pre-boot {@code set} commands ({@code
 * OCM_PREBOOT_COMMANDS_FILE} of {@code bin/ocm-run}). The directory's groups {@code ocm-user} /
 * {@code ocm-admin} become the roles of the same name through Payara's default principal-to-role
 * mapping. The directory is UnboundID's in-memory server on 127.0.0.1; the realm searches it as a
 * reader whose password reaches Payara only through an environment variable.
 */
class PayaraLdapRealmIT {

    private static final String BASE_DN = "dc=example,dc=org";
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String READER_DN = "cn=ocm-reader," + BASE_DN;
    private static final String LDAP_REALM =
            "com.sun.enterprise.security.auth.realm.ldap.LDAPRealm";

    /** The environment variable that carries the reader's password to Payara. */
    private static final String READER_PASSWORD_ENV = "LDAP_BIND_PASSWORD";

    /** Directory users: name to password; erin is in no group. */
    private static final Map<String, String> PASSWORDS =
            Map.of("carol", secret(), "dave", secret(), "erin", secret());

    private static final String READER_PASSWORD = secret();

    private static final String USER_API = "/api/v1/shares/outgoing";
    private static final String ADMIN_API = "/api/v1/admin/peers";

    /** Simple binds the directory answered: DN and result code. */
    private static final List<String> BINDS = new CopyOnWriteArrayList<>();

    private static InMemoryDirectoryServer directory;
    private static OcmInstance server;

    @BeforeAll
    static void startDirectoryAndServer() throws LDAPException, LDIFException, IOException {
        Instant start = Instant.now();
        directory = startDirectory();
        Instant directoryReady = Instant.now();
        Path commands = writeCommands(directory.getListenPort());
        server =
                OcmInstance.start(
                        "payara-ldap",
                        Map.of(
                                "OCM_DEMO_USERS",
                                "",
                                "OCM_PREBOOT_COMMANDS_FILE",
                                commands.toString(),
                                READER_PASSWORD_ENV,
                                READER_PASSWORD));
        System.out.printf(
                "PayaraLdapRealmIT: LDAP directory ready in %d ms on 127.0.0.1:%d;"
                        + " Payara Micro answered after %d ms%n",
                Duration.between(start, directoryReady).toMillis(),
                directory.getListenPort(),
                Duration.between(directoryReady, Instant.now()).toMillis());
    }

    @AfterAll
    static void stopServerAndDirectory() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (directory != null) {
                directory.shutDown(true);
            }
        }
    }

    @Test
    void anOcmUserFromTheDirectoryUsesTheUserApiButNotTheAdminApi() {
        Http.Reply me = get("/api/v1/me", "carol");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        JsonObject identity = me.json().asJsonObject();
        assertThat(identity.getString("user")).isEqualTo("carol");
        assertThat(identity.getString("address")).isEqualTo("carol@" + server.authority());

        Http.Reply shares = get(USER_API, "carol");
        assertThat(shares.status()).as(shares.body()).isEqualTo(200);
        assertThat(shares.json().asJsonArray()).isEmpty();

        Http.Reply peers = get(ADMIN_API, "carol");
        assertThat(peers.status()).as(peers.body()).isEqualTo(403);
    }

    @Test
    void anOcmAdminFromTheDirectoryUsesTheAdminApi() {
        Http.Reply peers = get(ADMIN_API, "dave");
        assertThat(peers.status()).as(peers.body()).isEqualTo(200);
        assertThat(peers.json().getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        // dave is in ocm-user too
        assertThat(get(USER_API, "dave").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsAskedForCredentialsAgain() {
        Http.BytesReply wrong =
                Http.bytes("GET", server.url() + USER_API, "carol", "not-" + password("carol"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");

        Http.BytesReply unknown = Http.bytes("GET", server.url() + USER_API, "mallory", secret());
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void aDirectoryUserInNoRoleGroupHasNoRole() {
        Http.Reply shares = get(USER_API, "erin");
        assertThat(shares.status()).as(shares.body()).isEqualTo(403);
        Http.Reply me = get("/api/v1/me", "erin");
        assertThat(me.status()).as(me.body()).isEqualTo(403);
        Http.Reply peers = get(ADMIN_API, "erin");
        assertThat(peers.status()).as(peers.body()).isEqualTo(403);
    }

    @Test
    void theRealmSearchesAsTheReaderAndLogsNoPassword() {
        assertThat(get("/api/v1/me", "carol").status()).isEqualTo(200);
        assertThat(Http.get(server.url() + USER_API, "carol", "not-" + password("carol")).status())
                .isEqualTo(401);
        // the reader's password came from the environment variable, so the search bind succeeded
        assertThat(BINDS).contains(READER_DN + " " + ResultCode.SUCCESS.intValue());
        assertThat(BINDS).contains(person("carol") + " " + ResultCode.SUCCESS.intValue());
        assertThat(BINDS)
                .contains(person("carol") + " " + ResultCode.INVALID_CREDENTIALS.intValue());
        String log = server.log();
        assertThat(log).contains("auth-realm.file.classname=" + LDAP_REALM);
        assertThat(log).doesNotContain(READER_PASSWORD);
        PASSWORDS.values().forEach(p -> assertThat(log).doesNotContain(p));
    }

    /**
     * The README's pre-boot commands for the directory on {@code port}: the properties first (the
     * realm's configuration is validated as soon as its class names LDAPRealm), then the class.
     */
    private static Path writeCommands(int port) throws IOException {
        String realm = "set configs.config.server-config.security-service.auth-realm.file.";
        List<String> lines =
                List.of(
                        realm + "property.jaas-context=ldapRealm",
                        realm + "property.directory=ldap://127.0.0.1:" + port,
                        realm + "property.base-dn=" + PEOPLE,
                        realm + "property.group-base-dn=" + GROUPS,
                        realm + "property.group-search-filter=member=%d",
                        realm + "property.search-bind-dn=" + READER_DN,
                        realm + "property.search-bind-password=${ENV=" + READER_PASSWORD_ENV + "}",
                        realm + "classname=" + LDAP_REALM);
        Path file = ItSettings.workDir().resolve("payara-ldap-" + port + ".preboot.txt");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * An in-memory directory on 127.0.0.1 (a free port): carol in ocm-user, dave in ocm-user and
     * ocm-admin, erin in no group; the realm reads it as {@code READER_DN}.
     */
    private static InMemoryDirectoryServer startDirectory() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("loopback", loopback(), 0, null));
        config.addAdditionalBindCredentials(READER_DN, READER_PASSWORD);
        config.addInMemoryOperationInterceptor(
                new InMemoryOperationInterceptor() {
                    @Override
                    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult bind) {
                        BINDS.add(
                                bind.getRequest().getBindDN()
                                        + " "
                                        + bind.getResult().getResultCode().intValue());
                    }
                });
        InMemoryDirectoryServer ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: example");
        ldap.add(
                "dn: " + PEOPLE,
                "objectClass: top",
                "objectClass: organizationalUnit",
                "ou: people");
        ldap.add(
                "dn: " + GROUPS,
                "objectClass: top",
                "objectClass: organizationalUnit",
                "ou: groups");
        for (String user : List.of("carol", "dave", "erin")) {
            ldap.add(
                    "dn: " + person(user),
                    "objectClass: top",
                    "objectClass: person",
                    "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson",
                    "uid: " + user,
                    "cn: " + user,
                    "sn: " + user,
                    "userPassword: " + password(user));
        }
        ldap.add(
                "dn: cn=ocm-user," + GROUPS,
                "objectClass: top",
                "objectClass: groupOfNames",
                "cn: ocm-user",
                "member: " + person("carol"),
                "member: " + person("dave"));
        ldap.add(
                "dn: cn=ocm-admin," + GROUPS,
                "objectClass: top",
                "objectClass: groupOfNames",
                "cn: ocm-admin",
                "member: " + person("dave"));
        ldap.startListening();
        return ldap;
    }

    private static Http.Reply get(String path, String user) {
        return Http.get(server.url() + path, user, password(user));
    }

    private static String person(String user) {
        return "uid=" + user + "," + PEOPLE;
    }

    private static String password(String user) {
        return PASSWORDS.get(user);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}

package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.WildFlyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * README "Identity realms", WildFly LDAP: the EAR on WildFly authenticates against an LDAP
 * directory through an Elytron {@code ldap-realm}, and a {@code mapped-role-mapper} turns the
 * directory's groups {@code efss-users} / {@code efss-admins} into the roles {@code ocm-user} /
 * {@code ocm-admin}, for the web and the EJB layer alike. The directory is UnboundID's in-memory
 * server on 127.0.0.1; the CLI commands are the README's. Runs in the PostgreSQL + WildFly pass
 * ({@code -Docm.it.wildfly=true}).
 */
@EnabledIf("io.ocmee.it.support.WildFlyServer#enabled")
class WildFlyLdapRealmIT {

    private static final String BASE_DN = "dc=example,dc=org";
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String READER_DN = "cn=ocm-reader," + BASE_DN;

    /** Directory users: name to password; erin is in no group. */
    private static final Map<String, String> PASSWORDS =
            Map.of("carol", secret(), "dave", secret(), "erin", secret());

    private static final String USER_API = "/api/v1/shares/outgoing";
    private static final String ADMIN_API = "/api/v1/admin/peers";

    private static InMemoryDirectoryServer directory;
    private static WildFlyServer wildfly;

    @BeforeAll
    static void startDirectoryAndWildFly() throws LDAPException, LDIFException {
        Instant start = Instant.now();
        String readerPassword = secret();
        directory = startDirectory(readerPassword);
        Instant directoryReady = Instant.now();
        wildfly =
                WildFlyServer.start(
                        "wildfly-ldap",
                        Map.of(),
                        Map.of(),
                        ldapRealmCommands(directory.getListenPort(), readerPassword));
        System.out.printf(
                "WildFlyLdapRealmIT: LDAP directory ready in %d ms on 127.0.0.1:%d; WildFly %s%n",
                Duration.between(start, directoryReady).toMillis(),
                directory.getListenPort(),
                wildfly.timings());
    }

    @AfterAll
    static void stopWildFlyAndDirectory() {
        try {
            if (wildfly != null) {
                wildfly.close();
            }
        } finally {
            if (directory != null) {
                directory.shutDown(true);
            }
        }
    }

    @Test
    void anOcmUserFromTheDirectoryUsesTheUserApiButNotTheAdminApi() {
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
        // dave is in efss-users too
        assertThat(get(USER_API, "dave").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsAskedForCredentialsAgain() {
        Http.BytesReply wrong =
                Http.bytes("GET", wildfly.url() + USER_API, "carol", "not-" + password("carol"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");

        Http.BytesReply unknown = Http.bytes("GET", wildfly.url() + USER_API, "mallory", secret());
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void aDirectoryUserInNoMappedGroupHasNoRole() {
        Http.Reply shares = get(USER_API, "erin");
        assertThat(shares.status()).as(shares.body()).isEqualTo(403);
        Http.Reply peers = get(ADMIN_API, "erin");
        assertThat(peers.status()).as(peers.body()).isEqualTo(403);
    }

    @Test
    void theEjbLayerSeesTheDirectoryIdentity() {
        // AccountService (@RolesAllowed("ocm-user")) names the caller from its SessionContext
        Http.Reply reply = get("/api/v1/me", "carol");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject me = reply.json().asJsonObject();
        assertThat(me.getString("user")).isEqualTo("carol");
        assertThat(me.getString("address")).isEqualTo("carol@" + wildfly.authority());

        // InviteService checks that the web layer's caller is the EJB layer's, then records it
        Http.Reply created =
                Http.send(
                        "POST",
                        wildfly.url() + "/api/v1/invites",
                        "carol",
                        password("carol"),
                        "{\"description\": \"from the directory\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().asJsonObject().getString("id");
        assertThat(wildfly.log()).contains("OCM-0601 Invite " + id + " made by carol,");

        assertThat(invites("carol")).contains(id);
        assertThat(invites("dave")).doesNotContain(id);
        Http.Reply foreign =
                Http.send(
                        "DELETE",
                        wildfly.url() + "/api/v1/invites/" + id,
                        "dave",
                        password("dave"),
                        null);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.json().asJsonObject().getString("detail"))
                .isEqualTo("Invite rejected: you have no invite " + id);

        Http.Reply own =
                Http.send(
                        "DELETE",
                        wildfly.url() + "/api/v1/invites/" + id,
                        "carol",
                        password("carol"),
                        null);
        assertThat(own.status()).as(own.body()).isEqualTo(204);
        assertThat(wildfly.log()).contains("OCM-0602 Invite " + id + " revoked by carol");
    }

    /**
     * The README's recipe ("Identity realms", WildFly LDAP), for the directory on {@code port}:
     * LDAP realm, role decoder and mapper, security domain, and the application security domain
     * {@code ocm} of both subsystems pointed at it.
     */
    private static List<String> ldapRealmCommands(int port, String readerPassword) {
        return List.of(
                "/subsystem=elytron/dir-context=corp-ldap:add(url=\"ldap://127.0.0.1:"
                        + port
                        + "\", principal=\""
                        + READER_DN
                        + "\", credential-reference={clear-text=\""
                        + readerPassword
                        + "\"})",
                "/subsystem=elytron/ldap-realm=CorpLdapRealm:add(dir-context=corp-ldap,"
                        + " identity-mapping={rdn-identifier=uid, search-base-dn=\""
                        + PEOPLE
                        + "\", attribute-mapping=[{filter-base-dn=\""
                        + GROUPS
                        + "\", filter=\"(member={1})\", from=cn, to=Roles}],"
                        + " user-password-mapper={from=userPassword}})",
                "/subsystem=elytron/simple-role-decoder=from-roles-attribute:add(attribute=Roles)",
                "/subsystem=elytron/mapped-role-mapper=CorpRoles:add(role-map={\"efss-users\"=[\"ocm-user\"],"
                    + " \"efss-admins\"=[\"ocm-admin\"]})",
                "/subsystem=elytron/security-domain=CorpDomain:add(default-realm=CorpLdapRealm,"
                        + " realms=[{realm=CorpLdapRealm, role-decoder=from-roles-attribute}],"
                        + " role-mapper=CorpRoles, permission-mapper=default-permission-mapper)",
                "/subsystem=undertow/application-security-domain=ocm:write-attribute(name=security-domain,value=CorpDomain)",
                "/subsystem=ejb3/application-security-domain=ocm:write-attribute(name=security-domain,value=CorpDomain)");
    }

    /**
     * An in-memory directory on 127.0.0.1 (a free port): carol in efss-users, dave in efss-users
     * and efss-admins, erin in no group; the realm reads it as {@code READER_DN}.
     */
    private static InMemoryDirectoryServer startDirectory(String readerPassword)
            throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("loopback", loopback(), 0, null));
        config.addAdditionalBindCredentials(READER_DN, readerPassword);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: example");
        server.add(
                "dn: " + PEOPLE,
                "objectClass: top",
                "objectClass: organizationalUnit",
                "ou: people");
        server.add(
                "dn: " + GROUPS,
                "objectClass: top",
                "objectClass: organizationalUnit",
                "ou: groups");
        for (String user : List.of("carol", "dave", "erin")) {
            server.add(
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
        server.add(
                "dn: cn=efss-users," + GROUPS,
                "objectClass: top",
                "objectClass: groupOfNames",
                "cn: efss-users",
                "member: " + person("carol"),
                "member: " + person("dave"));
        server.add(
                "dn: cn=efss-admins," + GROUPS,
                "objectClass: top",
                "objectClass: groupOfNames",
                "cn: efss-admins",
                "member: " + person("dave"));
        server.startListening();
        return server;
    }

    private static List<String> invites(String user) {
        Http.Reply reply = get("/api/v1/invites", user);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    private static Http.Reply get(String path, String user) {
        return Http.get(wildfly.url() + path, user, password(user));
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

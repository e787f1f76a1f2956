package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.PayaraServer;
import io.ocmee.it.support.Poll;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The EAR on Payara Server 6 against PostgreSQL, set up with the README's own scripts ({@code
 * deploy/payara-server/loopback-domain.sh}, {@code configure-ocm.sh}): discovery, the file realm's
 * groups as roles, the MBean {@code ocm:type=Federation} over the domain's JMX connector (which
 * needs the run-as principal of {@code glassfish-ejb-jar.xml}), and a signed share from Payara
 * Micro. Runs when the suite is started with {@code -Docm.it.payara-server=true} (the PostgreSQL
 * pass of {@code .ci/run}).
 */
@EnabledIf("io.ocmee.it.support.PayaraServer#enabled")
class PayaraServerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** File-realm users: name to {password, group}. */
    private static final Map<String, String[]> USERS =
            Map.of(
                    "alice", new String[] {secret(), "ocm-user"},
                    "bob", new String[] {secret(), "ocm-user"},
                    "admin", new String[] {secret(), "ocm-admin"});

    private static PayaraServer server;
    private static OcmInstance micro;

    /** Payara Micro first, then the domain: one boot at a time on the 2-core CI machine. */
    @BeforeAll
    static void startBothServers() {
        Instant start = Instant.now();
        micro = OcmInstance.start("micro", Map.of("OCM_SIGNATURE_MUST_USE_HTTP_SIG", "true"));
        Instant microReady = Instant.now();
        server =
                PayaraServer.start(
                        "payara-server",
                        Map.of(
                                "ocm.outbound.allow-http", "true",
                                "ocm.outbound.allow-loopback", "true",
                                "ocm.signature.must-use-http-sig", "true",
                                "ocm.discovery.failure-ttl-seconds", "0"),
                        USERS);
        System.out.printf(
                "PayaraServerIT: Payara Micro ready in %d ms; Payara Server %s; all %d ms%n",
                Duration.between(start, microReady).toMillis(),
                server.timings(),
                Duration.between(start, Instant.now()).toMillis());
    }

    @AfterAll
    static void stopBothServers() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (micro != null) {
                micro.close();
            }
        }
    }

    @Test
    void discoveryNamesTheServersOwnEndpoint() {
        Http.Reply reply = Http.get(server.url() + "/.well-known/ocm");
        assertThat(reply.status()).isEqualTo(200);
        JsonObject discovery = reply.json().asJsonObject();
        assertThat(discovery.getString("endPoint")).isEqualTo(server.url() + "/ocm");
        assertThat(discovery.getString("apiVersion")).isEqualTo("1.5.0");
    }

    /** loopback-domain.sh as the README uses it: no socket of the domain on another address. */
    @Test
    void everyListenerOfTheDomainIsOnLoopback() {
        java.util.List<String> addresses = server.listeningAddresses();
        assertThat(addresses)
                .contains("127.0.0.1:" + server.url().substring(server.url().lastIndexOf(':') + 1))
                .contains("127.0.0.1:" + server.jmxPort())
                .allMatch(address -> address.startsWith("127.0.0.1:"));
        System.out.println("PayaraServerIT: the domain listens on " + addresses);
    }

    @Test
    void theFileRealmsGroupsAreTheRoles() {
        String peers = server.url() + "/api/v1/admin/peers";
        assertThat(Http.get(server.url() + "/api/v1/me", "alice", "wrong").status()).isEqualTo(401);
        assertThat(Http.get(peers, "alice", password("alice")).status()).isEqualTo(403);
        assertThat(Http.get(peers, "admin", password("admin")).status()).isEqualTo(200);

        JsonObject me =
                Http.get(server.url() + "/api/v1/me", "alice", password("alice"))
                        .json()
                        .asJsonObject();
        assertThat(me.getString("address")).isEqualTo("alice@" + server.authority());
    }

    /**
     * The MBean over the domain's standard JMX connector ({@code system}, RMI on 127.0.0.1): the
     * service-backed {@code Keys} answer only when {@code @RunAs("ocm-admin")} gets a principal
     * that Payara Server maps to the role (the EAR's {@code glassfish-ejb-jar.xml} names it, and
     * {@code configure-ocm.sh} turns on the default principal-to-role mapping).
     */
    @Test
    void theFederationMBeanAnswersOverTheDomainsJmxConnector() throws Exception {
        JMXServiceURL url =
                new JMXServiceURL(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + server.jmxPort() + "/jmxrmi");
        // domain1's administrator: "admin" without a password, as the distribution ships it
        Map<String, Object> environment =
                Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", ""});
        try (JMXConnector connector = JMXConnectorFactory.connect(url, environment)) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName("ocm:type=Federation");
            assertThat(connection.isRegistered(name)).isTrue();
            String[] keys = (String[]) connection.getAttribute(name, "Keys");
            assertThat(keys).isNotEmpty().allMatch(line -> line.contains("purpose="));
            assertThat((Long) connection.getAttribute(name, "OutboxDepth")).isNotNegative();
            assertThatThrownBy(
                            () ->
                                    connection.invoke(
                                            name,
                                            "rotateKey",
                                            new Object[] {"md5"},
                                            new String[] {String.class.getName()}))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage(
                            "Rotation rejected: purpose must be RFC9421 or CAVAGE, got 'md5'");
            assertThat((String[]) connection.getAttribute(name, "Keys")).hasSize(keys.length);
        }
    }

    @Test
    void signedShareFromPayaraMicroIsAcceptedAndReadOnPayaraServer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String file = "micro-to-payara-server-" + tag + ".txt";
        Http.BytesReply put =
                Http.put(
                        micro.url() + "/api/v1/files/" + file,
                        "alice",
                        "alice",
                        "shared by alice".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isEqualTo(201);

        Http.Reply created =
                Http.send(
                        "POST",
                        micro.url() + "/api/v1/shares",
                        "alice",
                        "alice",
                        "{\"shareWith\": \"bob@"
                                + server.authority()
                                + "\", \"path\": \""
                                + file
                                + "\", \"permissions\": [\"read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().asJsonObject().getString("id");
        awaitOutgoing(id, "delivered");

        JsonObject received =
                Poll.until(
                        "incoming share " + file + " on Payara Server",
                        DEADLINE,
                        () ->
                                Http.get(
                                                server.url() + "/api/v1/shares/incoming",
                                                "bob",
                                                password("bob"))
                                        .json()
                                        .asJsonArray()
                                        .stream()
                                        .map(v -> v.asJsonObject())
                                        .filter(s -> s.getString("name").equals(file))
                                        .findFirst()
                                        .orElse(null),
                        s -> s != null && "pending".equals(s.getString("state")));
        assertThat(received.getString("owner")).isEqualTo("alice@" + micro.authority());
        String incoming = server.url() + "/api/v1/shares/incoming/" + received.getString("id");
        Http.Reply accepted = Http.send("POST", incoming + "/accept", "bob", password("bob"), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        awaitOutgoing(id, "accepted");

        Http.Reply content = Http.get(incoming + "/content", "bob", password("bob"));
        assertThat(content.status()).as(content.body()).isEqualTo(200);
        assertThat(content.body()).isEqualTo("shared by alice");
    }

    private static void awaitOutgoing(String id, String state) {
        Poll.until(
                "outgoing share " + id + " " + state,
                DEADLINE,
                () ->
                        Http.get(micro.url() + "/api/v1/shares/outgoing/" + id, "alice", "alice")
                                .json()
                                .asJsonObject(),
                s -> state.equals(s.getString("state", "")));
    }

    private static String password(String user) {
        return USERS.get(user)[0];
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}

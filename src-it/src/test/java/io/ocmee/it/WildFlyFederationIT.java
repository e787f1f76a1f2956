package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Poll;
import io.ocmee.it.support.WildFlyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Portability smoke test (issue 7): the same EAR that full servers get, deployed on WildFly against
 * PostgreSQL, federates with the embedded default (Payara Micro). Both servers refuse unsigned
 * requests ({@code must-use-http-sig}), so every share and notification that arrives was signed and
 * verified. Runs when the suite is started with {@code -Docm.it.wildfly=true} (the PostgreSQL pass
 * of {@code .ci/run}).
 */
@EnabledIf("io.ocmee.it.support.WildFlyServer#enabled")
class WildFlyFederationIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Map<String, String> SIGNED_ONLY =
            Map.of("OCM_SIGNATURE_MUST_USE_HTTP_SIG", "true");

    /** WildFly users: name to {password, role}, in its properties realm. */
    private static final Map<String, String[]> WILDFLY_USERS =
            Map.of(
                    "alice", new String[] {secret(), "ocm-user"},
                    "bob", new String[] {secret(), "ocm-user"},
                    "admin", new String[] {secret(), "ocm-admin"});

    private static WildFlyServer wildfly;
    private static OcmInstance micro;

    /**
     * Starts Payara Micro, then WildFly: one after the other, since two server boots at once on the
     * 2-core CI machine take longer than both in turn and risk the start-up timeouts.
     */
    @BeforeAll
    static void startBothServers() {
        Instant start = Instant.now();
        micro = OcmInstance.start("micro", SIGNED_ONLY);
        Instant microReady = Instant.now();
        wildfly =
                WildFlyServer.start(
                        "wildfly",
                        Map.of(
                                "ocm.outbound.allow-http", "true",
                                "ocm.outbound.allow-loopback", "true",
                                "ocm.signature.must-use-http-sig", "true",
                                "ocm.discovery.failure-ttl-seconds", "0"),
                        WILDFLY_USERS);
        System.out.printf(
                "WildFlyFederationIT: Payara Micro ready in %d ms; WildFly %s%n",
                Duration.between(start, microReady).toMillis(), wildfly.timings());
    }

    @AfterAll
    static void stopBothServers() {
        try {
            if (wildfly != null) {
                wildfly.close();
            }
        } finally {
            if (micro != null) {
                micro.close();
            }
        }
    }

    @Test
    void payaraMicroDiscoversTheWildFlyServerAndBack() {
        JsonObject seenByMicro = lookup(micro.url(), "alice", "alice", wildfly.authority());
        assertThat(seenByMicro.getString("apiVersion")).isEqualTo("1.5.0");
        assertThat(seenByMicro.getString("endPoint")).isEqualTo(wildfly.url() + "/ocm");
        assertThat(strings(seenByMicro, "capabilities")).contains("http-sig");
        assertThat(strings(seenByMicro, "criteria")).contains("must-use-http-sig");

        JsonObject seenByWildFly =
                lookup(wildfly.url(), "alice", password("alice"), micro.authority());
        assertThat(seenByWildFly.getString("endPoint")).isEqualTo(micro.url() + "/ocm");
    }

    @Test
    void signedShareFromPayaraMicroToWildFlyIsAcceptedAndTheSenderLearnsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String file = "micro-to-wildfly-" + tag + ".txt";
        upload(micro.url(), "alice", "alice", file);

        JsonObject share = share(micro.url(), "alice", "alice", "bob@" + wildfly.authority(), file);
        awaitOutgoing(micro.url(), "alice", "alice", share.getString("id"), "delivered");

        JsonObject received = awaitIncoming(wildfly.url(), "bob", password("bob"), file, "pending");
        assertThat(received.getString("owner")).isEqualTo("alice@" + micro.authority());
        accept(wildfly.url(), "bob", password("bob"), received.getString("id"));

        awaitOutgoing(micro.url(), "alice", "alice", share.getString("id"), "accepted");
        // WildFly's bob reads the bytes from Payara Micro's WebDAV (issue 5, receiving side)
        assertContent(wildfly.url(), "bob", password("bob"), received.getString("id"), "alice");
    }

    @Test
    void signedShareFromWildFlyToPayaraMicroIsAcceptedAndTheSenderLearnsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String file = "wildfly-to-micro-" + tag + ".txt";
        upload(wildfly.url(), "alice", password("alice"), file);

        JsonObject share =
                share(wildfly.url(), "alice", password("alice"), "bob@" + micro.authority(), file);
        JsonObject delivered =
                awaitOutgoing(
                        wildfly.url(),
                        "alice",
                        password("alice"),
                        share.getString("id"),
                        "delivered");
        assertThat(delivered.getString("recipientDisplayName")).isEqualTo("Bob");

        JsonObject received = awaitIncoming(micro.url(), "bob", "bob", file, "pending");
        assertThat(received.getString("owner")).isEqualTo("alice@" + wildfly.authority());
        accept(micro.url(), "bob", "bob", received.getString("id"));

        awaitOutgoing(wildfly.url(), "alice", password("alice"), share.getString("id"), "accepted");
        // and Payara Micro's bob reads them from WildFly's WebDAV
        assertContent(micro.url(), "bob", "bob", received.getString("id"), "alice");
    }

    @Test
    void wildFlyMapsTheRolesOfItsPropertiesRealm() {
        String peers = wildfly.url() + "/api/v1/admin/peers";
        assertThat(Http.get(wildfly.url() + "/api/v1/me", "alice", "wrong").status())
                .isEqualTo(401);
        assertThat(Http.get(peers, "alice", password("alice")).status()).isEqualTo(403);
        assertThat(Http.get(peers, "admin", password("admin")).status()).isEqualTo(200);

        JsonObject me =
                Http.get(wildfly.url() + "/api/v1/me", "alice", password("alice"))
                        .json()
                        .asJsonObject();
        assertThat(me.getString("address")).isEqualTo("alice@" + wildfly.authority());
    }

    /**
     * The MBean {@code ocm:type=Federation} on WildFly, reached as WildFly's {@code jconsole.sh}
     * reaches it (JMX over the management interface, issue 7 "visible in JConsole and in the
     * WildFly console"): the service-backed attributes and operations answer, which needs
     * {@code @RunAs("ocm-admin")} to work on WildFly, and a refused operation carries the module's
     * message.
     */
    @Test
    void theFederationMBeanAnswersOverWildFlysManagementJmx() throws Exception {
        try (WildFlyServer.Jmx jmx = wildfly.connectJmx()) {
            javax.management.MBeanServerConnection server =
                    jmx.connector().getMBeanServerConnection();
            javax.management.ObjectName name =
                    new javax.management.ObjectName("ocm:type=Federation");
            assertThat(server.isRegistered(name)).isTrue();

            String[] keys = (String[]) server.getAttribute(name, "Keys");
            assertThat(keys).isNotEmpty().allMatch(line -> line.contains("purpose="));
            assertThat((Long) server.getAttribute(name, "OutboxDepth")).isNotNegative();
            assertThat((Integer) server.invoke(name, "retryOutboxNow", null, null)).isNotNegative();
            assertThatThrownBy(
                            () ->
                                    server.invoke(
                                            name,
                                            "rotateKey",
                                            new Object[] {"md5"},
                                            new String[] {String.class.getName()}))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage(
                            "Rotation rejected: purpose must be RFC9421 or CAVAGE, got 'md5'");
            assertThat((String[]) server.getAttribute(name, "Keys")).hasSize(keys.length);
        }
    }

    private static JsonObject lookup(String base, String user, String password, String peer) {
        Http.Reply reply = Http.get(base + "/api/v1/peers/" + peer, user, password);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().asJsonObject();
    }

    private static void upload(String base, String user, String password, String path) {
        Http.BytesReply put =
                Http.put(
                        base + "/api/v1/files/" + path,
                        user,
                        password,
                        ("shared by " + user).getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isEqualTo(201);
    }

    private static JsonObject share(
            String base, String user, String password, String shareWith, String path) {
        Http.Reply reply =
                Http.send(
                        "POST",
                        base + "/api/v1/shares",
                        user,
                        password,
                        "{\"shareWith\": \""
                                + shareWith
                                + "\", \"path\": \""
                                + path
                                + "\", \"permissions\": [\"read\"]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().asJsonObject();
    }

    private static void assertContent(
            String base, String user, String password, String id, String owner) {
        Http.Reply reply =
                Http.get(base + "/api/v1/shares/incoming/" + id + "/content", user, password);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("shared by " + owner);
    }

    private static void accept(String base, String user, String password, String id) {
        Http.Reply reply =
                Http.send(
                        "POST",
                        base + "/api/v1/shares/incoming/" + id + "/accept",
                        user,
                        password,
                        null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static JsonObject awaitOutgoing(
            String base, String user, String password, String id, String state) {
        return Poll.until(
                "outgoing share " + id + " " + state + " at " + base,
                DEADLINE,
                () ->
                        Http.get(base + "/api/v1/shares/outgoing/" + id, user, password)
                                .json()
                                .asJsonObject(),
                s -> state.equals(s.getString("state", "")));
    }

    private static JsonObject awaitIncoming(
            String base, String user, String password, String name, String state) {
        return Poll.until(
                "incoming share " + name + " " + state + " at " + base,
                DEADLINE,
                () ->
                        Http.get(base + "/api/v1/shares/incoming", user, password)
                                .json()
                                .asJsonArray()
                                .stream()
                                .map(v -> v.asJsonObject())
                                .filter(s -> s.getString("name").equals(name))
                                .findFirst()
                                .orElse(null),
                s -> s != null && state.equals(s.getString("state")));
    }

    private static java.util.List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String password(String user) {
        return WILDFLY_USERS.get(user)[0];
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}

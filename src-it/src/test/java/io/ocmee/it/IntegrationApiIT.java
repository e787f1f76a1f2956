package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.api.Inbox;
import io.ocmee.it.caller.CallerBean;
import io.ocmee.it.caller.CallerInbox;
import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.ItSettings;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Poll;
import io.ocmee.it.support.RecordingPeer;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration API as a host application uses it (issue 7): a second application ({@code
 * caller.war}, package {@code io.ocmee.it.caller}) deployed into the same Payara Micro as the
 * module, calling the business interface looked up by its portable JNDI name, as users of the
 * server's realm. Payara Micro has no remote views, so the caller uses the local view, with the
 * client API jar on the server's common class path ({@code --addLibs}) as host applications do.
 * Proves that a share made in a host transaction that rolls back leaves no share, no outbox message
 * and nothing at the receiver, that a committed one is delivered, that refusals cross as {@code
 * OcmApiException}, and that a caller without {@code ocm-user} (an unauthenticated one: every demo
 * user, {@code admin} included, has {@code ocm-user}) is refused with {@code EJBAccessException}.
 */
@ExtendWith(Federation.Extension.class)
class IntegrationApiIT {

    @Test
    void hostTransactionsAndRolesGovernTheApi() throws Exception {
        File war = callerWar();
        int jmxPort = freePort();
        try (RecordingPeer peer = RecordingPeer.start("1.5.0");
                RecordingPeer refusing = RecordingPeer.start("1.5.0", 400);
                OcmInstance server =
                        OcmInstance.start(
                                "api",
                                Map.of(
                                        "OCM_OUTBOX_POLL_INTERVAL_SECONDS",
                                        "1",
                                        "OCM_JAVA_OPTS",
                                        loopbackJmx(jmxPort)),
                                List.of(
                                        "--addLibs",
                                        apiJar().toString(),
                                        "--deploy",
                                        war.getAbsolutePath()))) {
            SharesIT.upload(server, "alice", "api/rolled-back.txt");
            SharesIT.upload(server, "alice", "api/committed.txt");
            String bob = "bob@" + peer.authority();

            Http.Reply rolledBack = call(server, "alice", "rollback", bob, "api/rolled-back.txt");
            assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
            assertThat(rolledBack.body()).startsWith("ok ").endsWith(" visibleInside=true");

            Http.Reply listed = call(server, "alice", "list", bob, "");
            assertThat(listed.body()).isEqualTo("ok ");

            Http.Reply committed = call(server, "alice", "commit", bob, "api/committed.txt");
            assertThat(committed.status()).as(committed.body()).isEqualTo(200);
            assertThat(call(server, "alice", "list", bob, "").body())
                    .isEqualTo("ok api/committed.txt");

            RecordingPeer.Received sent = peer.next(Duration.ofSeconds(60));
            assertThat(sent.path()).isEqualTo("/ocm/shares");
            assertThat(sent.body()).contains("committed.txt").doesNotContain("rolled-back");
            Thread.sleep(3000);
            assertThat(peer.pending()).as("messages beyond the committed share").isZero();

            Http.Reply missing = call(server, "alice", "direct", bob, "api/none.txt");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).startsWith("failed 404 ");

            Http.Reply invite = call(server, "alice", "invite", bob, "");
            assertThat(invite.body()).isEqualTo("ok pending token=true contacts=0");
            Http.Reply anonymousInvite = call(server, null, "invite", bob, "");
            assertThat(anonymousInvite.status()).as(anonymousInvite.body()).isEqualTo(403);
            assertThat(anonymousInvite.body()).isEqualTo("refused jakarta.ejb.EJBAccessException");

            Http.Reply anonymous = call(server, null, "direct", bob, "api/committed.txt");
            assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(403);
            assertThat(anonymous.body()).isEqualTo("refused jakarta.ejb.EJBAccessException");
            assertThat(call(server, null, "list", bob, "").status()).isEqualTo(403);
            assertThat(call(server, null, "rollback", bob, "api/committed.txt").status())
                    .as("through the host's own bean")
                    .isEqualTo(403);

            console(server, jmxPort, peer, refusing);
            health(server);

            server.stop();
            try (Connection db = server.openDatabase()) {
                assertThat(count(db, "ocm_outgoing_share", "resource_path", "rolled-back"))
                        .isZero();
                assertThat(count(db, "ocm_outbox_message", "body", "rolled-back")).isZero();
                assertThat(count(db, "ocm_outgoing_share", "resource_path", "committed"))
                        .isEqualTo(1);
                // Delivered messages keep no body (it carried the secret), and the refused share's
                // message was dropped: the one share message left is the committed share's.
                assertThat(
                                count(
                                        db,
                                        "SELECT COUNT(*) FROM ocm_outbox_message WHERE kind ="
                                                + " 'share'"))
                        .isEqualTo(1);
                assertThat(
                                count(
                                        db,
                                        "SELECT COUNT(*) FROM ocm_outbox_message m JOIN"
                                                + " ocm_outgoing_share s ON m.subject_id = s.id"
                                                + " WHERE m.kind = 'share' AND s.resource_path"
                                                + " LIKE '%committed%'"))
                        .isEqualTo(1);
            }
        }
    }

    /**
     * The inbox view reads received shares (issue 7: "inbox accept/decline/read"): server A of the
     * federation shares a folder with bob on a server running the host application, which finds the
     * share, is refused its content until bob accepted it, then lists the folder, reads a file
     * whole, is refused a file above the size limit with 413 and streams that one instead. Content
     * arrives byte for byte; unknown shares and paths, paths leaving the share and unauthenticated
     * callers are refused.
     */
    @Test
    void hostReadsReceivedSharesThroughTheInbox(Federation federation) throws Exception {
        OcmInstance a = federation.a();
        String folder = "api-inbox-" + UUID.randomUUID();
        byte[] small = ("report of " + folder).getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[Inbox.MAX_READ_BYTES + 1];
        new Random(7).nextBytes(large);
        assertThat(
                        Http.put(
                                        a.url() + "/api/v1/files/" + folder + "/report.txt",
                                        "alice",
                                        "alice",
                                        small)
                                .status())
                .isEqualTo(201);
        assertThat(
                        Http.put(
                                        a.url() + "/api/v1/files/" + folder + "/big/large.bin",
                                        "alice",
                                        "alice",
                                        large)
                                .status())
                .isEqualTo(201);

        try (OcmInstance server =
                OcmInstance.start(
                        "api-inbox",
                        Map.of("OCM_OUTBOX_POLL_INTERVAL_SECONDS", "1"),
                        List.of(
                                "--addLibs",
                                apiJar().toString(),
                                "--deploy",
                                callerWar().getAbsolutePath()))) {
            SharesIT.share(a, "bob@" + server.authority(), folder, "\"read\"");
            String found =
                    Poll.until(
                            "the share in bob's inbox on the host's server",
                            Duration.ofSeconds(60),
                            () -> inbox(server, "bob", "inbox", "", folder).body(),
                            body -> !body.equals("ok none"));
            assertThat(found).endsWith(" pending");
            String id = found.substring("ok ".length(), found.lastIndexOf(' '));

            Http.Reply early = inbox(server, "bob", "read", id, "report.txt");
            assertThat(early.status()).as(early.body()).isEqualTo(400);
            assertThat(early.body()).startsWith("failed 409 ").contains("accept");
            assertThat(inbox(server, "alice", "read", id, "report.txt").body())
                    .as("alice on this server is not the recipient")
                    .startsWith("failed 404 ");

            assertThat(inbox(server, "bob", "accept", id, "").body()).isEqualTo("ok accepted");

            assertThat(inbox(server, "bob", "listing", id, "").body())
                    .isEqualTo("ok big/,report.txt:" + small.length);
            assertThat(inbox(server, "bob", "listing", id, "big").body())
                    .isEqualTo("ok large.bin:" + large.length);

            Http.Reply read = inbox(server, "bob", "read", id, "report.txt");
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.body())
                    .startsWith("ok " + small.length + " " + CallerInbox.sha256(small) + " ");

            Http.Reply tooLarge = inbox(server, "bob", "read", id, "big/large.bin");
            assertThat(tooLarge.body())
                    .isEqualTo(
                            "failed 413 Content rejected: the file is larger than 16 MiB; open"
                                    + " it as a stream instead");
            assertThat(inbox(server, "bob", "open", id, "big/large.bin").body())
                    .isEqualTo("ok " + large.length + " " + CallerInbox.sha256(large));

            assertThat(inbox(server, "bob", "read", id, "missing.txt").body())
                    .startsWith("failed 404 ");
            assertThat(inbox(server, "bob", "read", id, "../outside.txt").body())
                    .startsWith("failed 400 ");
            assertThat(inbox(server, "bob", "read", "no-such-share", "report.txt").body())
                    .startsWith("failed 404 ");
            Http.Reply anonymous = inbox(server, null, "read", id, "report.txt");
            assertThat(anonymous.status()).isEqualTo(403);
            assertThat(anonymous.body()).isEqualTo("refused jakarta.ejb.EJBAccessException");
        }
    }

    /**
     * The MBean {@code ocm:type=Federation} over a JMX connector on 127.0.0.1, as JConsole reaches
     * it: counters after the committed share, peers, keys, dead letters and their operations.
     */
    private static void console(
            OcmInstance server, int jmxPort, RecordingPeer peer, RecordingPeer refusing)
            throws Exception {
        javax.management.remote.JMXServiceURL url =
                new javax.management.remote.JMXServiceURL(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (javax.management.remote.JMXConnector connector =
                javax.management.remote.JMXConnectorFactory.connect(url)) {
            javax.management.MBeanServerConnection jmx = connector.getMBeanServerConnection();
            javax.management.ObjectName name =
                    new javax.management.ObjectName("ocm:type=Federation");

            long sent =
                    io.ocmee.it.support.Poll.until(
                            "the delivered share counted",
                            Duration.ofSeconds(30),
                            () -> (Long) attribute(jmx, name, "SharesSent"),
                            n -> n >= 1);
            assertThat(sent).isEqualTo(1);
            assertThat((Long) attribute(jmx, name, "OutboxDepth")).isZero();
            assertThat((Long) attribute(jmx, name, "OutboxOldestAgeSeconds")).isEqualTo(-1);
            assertThat((Long) attribute(jmx, name, "DeliveryMillisMean")).isPositive();
            assertThat((String[]) attribute(jmx, name, "Peers"))
                    .anyMatch(line -> line.startsWith(peer.authority() + " trust=UNKNOWN"));

            String[] keys = (String[]) attribute(jmx, name, "Keys");
            assertThat(keys).isNotEmpty();
            String rotated = (String) invoke(jmx, name, "rotateKey", "rfc9421");
            assertThat(rotated).contains("purpose=RFC9421", "alg=");
            assertThat((String[]) attribute(jmx, name, "Keys")).hasSize(keys.length + 1);
            assertThatThrownBy(() -> invoke(jmx, name, "rotateKey", "md5"))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage(
                            "Rotation rejected: purpose must be RFC9421 or CAVAGE, got 'md5'");

            assertThat((String) invoke(jmx, name, "blockPeer", peer.authority()))
                    .startsWith(peer.authority() + " trust=BLOCKED");
            assertThat((String) invoke(jmx, name, "trustPeer", peer.authority()))
                    .startsWith(peer.authority() + " trust=TRUSTED");

            SharesIT.upload(server, "alice", "api/refused.txt");
            Http.Reply refused =
                    call(
                            server,
                            "alice",
                            "commit",
                            "bob@" + refusing.authority(),
                            "api/refused.txt");
            assertThat(refused.status()).as(refused.body()).isEqualTo(200);
            String[] dead =
                    io.ocmee.it.support.Poll.until(
                            "the refused share as a dead letter",
                            Duration.ofSeconds(30),
                            () -> (String[]) attribute(jmx, name, "DeadLetters"),
                            lines -> lines.length == 1);
            assertThat(dead[0]).contains("peer=" + refusing.authority(), "state=FAILED");
            assertThat((Long) attribute(jmx, name, "DeliveryFailures")).isEqualTo(1);
            String id = dead[0].substring(0, dead[0].indexOf(' '));
            invoke(jmx, name, "dropMessage", id);
            assertThat((String[]) attribute(jmx, name, "DeadLetters")).isEmpty();
            assertThatThrownBy(() -> invoke(jmx, name, "retryMessage", id))
                    .hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat((Integer) jmx.invoke(name, "retryOutboxNow", null, null)).isZero();
        }
    }

    /**
     * The module's own health JSON, and what Payara Micro serves at {@code /health} and {@code
     * /metrics} with the MicroProfile beans of {@code ocm-mp} (printed for the record).
     */
    private static void health(OcmInstance server) {
        Http.Reply own = Http.get(server.url() + "/api/v1/health");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        jakarta.json.JsonObject body = own.json().asJsonObject();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getBoolean("live")).isTrue();
        assertThat(body.getBoolean("ready")).isTrue();
        assertThat(body.getJsonArray("checks").toString())
                .contains("\"name\":\"database\"", "\"name\":\"keys\"", "\"name\":\"module\"");
        Http.Reply ready = Http.get(server.url() + "/api/v1/health/ready");
        assertThat(ready.status()).isEqualTo(200);

        Http.Reply openApi = Http.get(server.url() + "/api/openapi");
        assertThat(openApi.status()).as("served without credentials").isEqualTo(200);
        jakarta.json.JsonObject document = openApi.json().asJsonObject();
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("paths"))
                .containsKeys("/api/v1/shares", "/api/v1/invites");

        Http.Reply mpHealth = Http.get(server.url() + "/health");
        System.out.println("MEASURED /health " + mpHealth.status() + ": " + mpHealth.body());
        Http.Reply mpReady = Http.get(server.url() + "/health/ready");
        System.out.println("MEASURED /health/ready " + mpReady.status() + ": " + mpReady.body());
        Http.Reply metrics = Http.get(server.url() + "/metrics?scope=application");
        System.out.println(
                "MEASURED /metrics?scope=application " + metrics.status() + ":\n" + metrics.body());
        assertThat(mpReady.status()).isEqualTo(200);
        assertThat(mpReady.body()).contains("\"name\":\"ocm\"");
        assertThat(metrics.body()).contains("ocm_shares_sent", "ocm_delivery_latency");
    }

    private static Object attribute(
            javax.management.MBeanServerConnection jmx,
            javax.management.ObjectName name,
            String attribute) {
        try {
            return jmx.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new IllegalStateException("reading " + attribute + " failed", e);
        }
    }

    private static Object invoke(
            javax.management.MBeanServerConnection jmx,
            javax.management.ObjectName name,
            String operation,
            String argument)
            throws Exception {
        return jmx.invoke(
                name, operation, new Object[] {argument}, new String[] {String.class.getName()});
    }

    /** A JMX connector of the server's JVM on 127.0.0.1 only (test use: no authentication). */
    private static String loopbackJmx(int port) {
        return String.join(
                " ",
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.local.only=true",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Http.Reply inbox(
            OcmInstance server, String user, String op, String id, String path) {
        String query =
                "op="
                        + op
                        + "&id="
                        + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "&path="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8);
        String entry = user == null ? "/caller/anonymous?" : "/caller/call?";
        return Http.send("POST", server.url() + entry + query, user, user, "{}");
    }

    private static Http.Reply call(
            OcmInstance server, String user, String op, String shareWith, String path) {
        String query =
                "op="
                        + op
                        + "&shareWith="
                        + URLEncoder.encode(shareWith, StandardCharsets.UTF_8)
                        + "&path="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8);
        String entry = user == null ? "/caller/anonymous?" : "/caller/call?";
        return Http.send("POST", server.url() + entry + query, user, user, "{}");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long count(Connection db, String table, String column, String fragment)
            throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement(
                        "SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE ?")) {
            query.setString(1, "%" + fragment + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The client API jar as the build made it, shared by the module and the host application. */
    static java.nio.file.Path apiJar() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> jars =
                java.nio.file.Files.list(ItSettings.projectDir().resolve("ocm-api/target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("ocm-api-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("ocm-api jar not built"));
        }
    }

    /** The host application: its own classes only; the client API comes from the server. */
    static File callerWar() {
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, "caller.war")
                        .addPackage(CallerBean.class.getPackage())
                        .setWebXML(
                                new StringAsset(
                                        """
                                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                                          <security-constraint>
                                            <web-resource-collection>
                                              <web-resource-name>caller</web-resource-name>
                                              <url-pattern>/call</url-pattern>
                                            </web-resource-collection>
                                            <auth-constraint>
                                              <role-name>ocm-user</role-name>
                                              <role-name>ocm-admin</role-name>
                                            </auth-constraint>
                                          </security-constraint>
                                          <login-config>
                                            <auth-method>BASIC</auth-method>
                                            <realm-name>file</realm-name>
                                          </login-config>
                                          <security-role><role-name>ocm-user</role-name></security-role>
                                          <security-role><role-name>ocm-admin</role-name></security-role>
                                        </web-app>
                                        """));
        File file = ItSettings.workDir().resolve("caller.war").toFile();
        war.as(ZipExporter.class).exportTo(file, true);
        return file;
    }
}

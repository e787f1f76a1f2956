package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.delivery.outbox.DeliveryOutcome;
import io.ocmee.delivery.outbox.OutboundMessage;
import io.ocmee.delivery.outbox.Outbox;
import io.ocmee.delivery.outbox.OutboxService;
import io.ocmee.it.support.Deployments;
import io.ocmee.it.support.FakePeer;
import io.ocmee.it.support.FakePeer.Received;
import io.ocmee.it.support.FakePeer.Reply;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox inside an Arquillian-managed Payara Micro, delivering to a scripted {@link FakePeer}
 * on 127.0.0.1 (the container's outbox settings are shortened in src-it/pom.xml: 1 s polls and
 * backoff). Each test has its own peer and message ids, so tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return Deployments.ocmModule(
                OutboxIT.class, OutcomeRecorder.class, FakePeer.class, Row.class);
    }

    @Inject Outbox outbox;

    @Inject OutboxService service;

    @Inject UserTransaction transaction;

    @Test
    void deliversOnceWhenThePeerAccepts() {
        try (FakePeer peer = FakePeer.start(Reply.of(201, "{\"recipientDisplayName\":\"Bob\"}"))) {
            String body = shareBody();
            String id = outbox.enqueue(message(peer, body));

            DeliveryOutcome outcome = awaitOutcome(id);

            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.kind()).isEqualTo("share");
            assertThat(outcome.httpStatus()).contains(201);
            assertThat(outcome.responseBody()).contains("{\"recipientDisplayName\":\"Bob\"}");
            assertThat(outcome.error()).isEmpty();
            assertThat(peer.received()).containsExactly(new Received("application/json", body));
            Row row = row(id).orElseThrow();
            assertThat(row.state()).isEqualTo("DELIVERED");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.bodyErased()).isTrue();
        }
    }

    @Test
    void retriesAfterTheTimeThePeerAsksForThenDelivers() {
        Reply busy = new Reply(503, Map.of("Retry-After", "1"), "{\"message\":\"busy\"}");
        try (FakePeer peer = FakePeer.start(busy, Reply.of(201, "{}"))) {
            String id = outbox.enqueue(message(peer, shareBody()));

            DeliveryOutcome outcome = awaitOutcome(id);

            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.httpStatus()).contains(201);
            assertThat(peer.received()).hasSize(2);
            assertThat(row(id).orElseThrow().attempts()).isEqualTo(2);
        }
    }

    @Test
    void failsWithThePeersReasonOnA400AndDoesNotRetry() {
        Reply invalid =
                Reply.of(
                        400,
                        "{\"message\":\"Invalid share\",\"validationErrors\":"
                                + "[{\"name\":\"shareWith\",\"message\":\"NOT_FOUND\"}]}");
        try (FakePeer peer = FakePeer.start(invalid)) {
            String id = outbox.enqueue(message(peer, shareBody()));

            DeliveryOutcome outcome = awaitOutcome(id);

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.httpStatus()).contains(400);
            assertThat(outcome.error())
                    .contains("Peer answered 400: Invalid share (shareWith: NOT_FOUND)");
            Row row = row(id).orElseThrow();
            assertThat(row.state()).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError())
                    .isEqualTo("Peer answered 400: Invalid share (shareWith: NOT_FOUND)");
            assertThat(peer.received()).hasSize(1);
            assertThat(OutcomeRecorder.of(id)).hasSize(1);
        }
    }

    @Test
    void deliversWhenAPeerThatWasDownComesBack() {
        int port = FakePeer.freePort();
        String id =
                outbox.enqueue(
                        new OutboundMessage(
                                "localhost:" + port,
                                "/shares",
                                shareBody().getBytes(StandardCharsets.UTF_8),
                                "share",
                                UUID.randomUUID().toString()));

        Row failed = await(() -> row(id).filter(r -> r.attempts() >= 1), "a failed attempt");
        assertThat(failed.state()).isIn("PENDING", "IN_FLIGHT");
        assertThat(failed.lastError()).contains("localhost:" + port);

        try (FakePeer peer = FakePeer.startOn(port, Reply.of(201, "{}"))) {
            DeliveryOutcome outcome = awaitOutcome(id);

            assertThat(outcome.delivered()).isTrue();
            assertThat(peer.received()).hasSize(1);
        }
    }

    @Test
    void sendsNothingWhenTheEnqueuingTransactionRollsBack() throws Exception {
        try (FakePeer peer = FakePeer.start(Reply.of(201, "{}"))) {
            transaction.begin();
            String rolledBack = outbox.enqueue(message(peer, "{\"rolledBack\":true}"));
            transaction.rollback();
            String committedBody = shareBody();
            String committed = outbox.enqueue(message(peer, committedBody));

            awaitOutcome(committed);

            assertThat(peer.received()).extracting(Received::body).containsExactly(committedBody);
            assertThat(row(rolledBack)).isEmpty();
            assertThat(OutcomeRecorder.of(rolledBack)).isEmpty();
        }
    }

    @Test
    void refusesAMessageThatIsNotUtf8() {
        byte[] latin1 = "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(
                        () ->
                                outbox.enqueue(
                                        new OutboundMessage(
                                                "peer.example", "/shares", latin1, "share", "s1")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("Outbound message rejected: the body is not UTF-8 text");
    }

    @Test
    void adminOperationsRefuseACallerWithoutTheAdminRole() {
        assertThatThrownBy(() -> service.depth()).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> service.deadLetters(10)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> service.retryAllNow()).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> service.drop("x")).isInstanceOf(EJBAccessException.class);
    }

    private static OutboundMessage message(FakePeer peer, String body) {
        return new OutboundMessage(
                peer.authority(),
                "/shares",
                body.getBytes(StandardCharsets.UTF_8),
                "share",
                UUID.randomUUID().toString());
    }

    private static String shareBody() {
        return "{\"shareWith\":\"bob@peer\",\"sharedSecret\":\"" + UUID.randomUUID() + "\"}";
    }

    private static DeliveryOutcome awaitOutcome(String id) {
        return await(() -> OutcomeRecorder.first(id), "an outcome of message " + id);
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("no " + what + " within " + DEADLINE);
    }

    private Optional<Row> row(String id) {
        try (Connection c = database().getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT state, attempts, last_error, body"
                                        + " FROM ocm_outbox_message WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(
                                new Row(
                                        r.getString(1),
                                        r.getInt(2),
                                        r.getString(3),
                                        r.getString(4) == null))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox table", e);
        }
    }

    private static DataSource database() {
        try {
            return InitialContext.doLookup("jdbc/ocm");
        } catch (NamingException e) {
            throw new IllegalStateException("no data source jdbc/ocm", e);
        }
    }

    /** What the table says about one message. */
    record Row(String state, int attempts, String lastError, boolean bodyErased) {}
}

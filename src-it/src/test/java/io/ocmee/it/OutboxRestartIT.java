package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.FakePeer;
import io.ocmee.it.support.FakePeer.Received;
import io.ocmee.it.support.FakePeer.Reply;
import io.ocmee.it.support.OcmInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox lives in the database: messages a server holds when it stops are sent when it starts
 * again, including one it had claimed and was sending when it went down.
 */
class OutboxRestartIT {

    private static final Duration DEADLINE = Duration.ofSeconds(40);

    @Test
    void sendsWhatWasWaitingOrInFlightWhenTheServerStopped() throws Exception {
        try (FakePeer peer = FakePeer.start(Reply.of(201, "{}"));
                OcmInstance server = OcmInstance.start("outbox-restart")) {
            server.stop();
            Instant now = Instant.now();
            try (Connection db = server.openDatabase()) {
                insert(db, peer, "{\"n\":\"pending\"}", "PENDING", now, null);
                insert(db, peer, "{\"n\":\"in-flight\"}", "IN_FLIGHT", now, now.minusSeconds(3600));
            }

            server.start();

            awaitRequests(peer, 2, server);
            assertThat(peer.received())
                    .extracting(Received::body)
                    .containsExactlyInAnyOrder("{\"n\":\"pending\"}", "{\"n\":\"in-flight\"}");
        }
    }

    private static void insert(
            Connection db,
            FakePeer peer,
            String body,
            String state,
            Instant now,
            Instant lastAttempt)
            throws SQLException {
        try (PreparedStatement s =
                db.prepareStatement(
                        "INSERT INTO ocm_outbox_message (id, peer, endpoint_path, body, kind,"
                            + " subject_id, state, attempts, next_attempt_at, give_up_at,"
                            + " created_at, last_attempt_at, version) VALUES (?, ?, '/shares', ?,"
                            + " 'share', ?, ?, 0, ?, ?, ?, ?, 0)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, peer.authority());
            s.setString(3, body);
            s.setString(4, UUID.randomUUID().toString());
            s.setString(5, state);
            s.setObject(6, utc(now));
            s.setObject(7, utc(now.plus(Duration.ofDays(1))));
            s.setObject(8, utc(now));
            s.setObject(9, lastAttempt == null ? null : utc(lastAttempt));
            s.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void awaitRequests(FakePeer peer, int count, OcmInstance server) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (peer.received().size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "the peer received "
                                + peer.received().size()
                                + " of "
                                + count
                                + " requests within "
                                + DEADLINE
                                + "; server log:\n"
                                + server.log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}

package io.ocmee.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.address.OcmAddress;
import io.ocmee.spi.ResourcePath;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** States read at a given time: expired shares read as removed on both sides. */
class ShareStateTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static OutgoingShare outgoing(Optional<Instant> expiration) {
        ShareDraft draft =
                new ShareDraft(
                        "p",
                        "alice",
                        "alice@cloud.example.org",
                        "Alice",
                        OcmAddress.parse("bob@peer.example.net"),
                        ResourcePath.parse("a.txt"),
                        "file",
                        "user",
                        EnumSet.of(Permissions.READ),
                        expiration,
                        new SharePlan(ProtocolShape.MULTI, "file", false, true, false));
        return new OutgoingShare(draft, Secrets.hash("s"), NOW);
    }

    @Test
    void outgoingShareReadsRemovedOnceExpired() {
        OutgoingShare share = outgoing(Optional.of(NOW.plusSeconds(60)));

        assertThat(share.state(NOW)).isEqualTo(OutgoingState.PENDING);
        assertThat(share.state(NOW.plusSeconds(60))).isEqualTo(OutgoingState.REMOVED);
        assertThat(share.view(NOW.plusSeconds(61)).state()).isEqualTo("removed");
    }

    @Test
    void failedShareStaysFailedAfterExpiryAndShowsItsReason() {
        OutgoingShare share = outgoing(Optional.of(NOW.plusSeconds(60)));
        share.fail("Peer answered 400: no such user", NOW);

        assertThat(share.view(NOW.plusSeconds(120)).state()).isEqualTo("failed");
        assertThat(share.view(NOW).error()).contains("Peer answered 400: no such user");
    }

    @Test
    void incomingShareReadsRemovedOnceExpired() {
        ShareCreationNotification received =
                new ShareCreationParser("cloud.example.org")
                        .parse(ShareFixtures.read("shares/reva-multi-empty-options.json"));
        IncomingShare share = new IncomingShare(received, "bob", "cernbox.example.ch", NOW);

        assertThat(share.state(NOW)).isEqualTo(IncomingState.PENDING);
        assertThat(share.state(Instant.ofEpochSecond(4102444800L)))
                .isEqualTo(IncomingState.REMOVED);
    }

    @Test
    void recipientDisplayNameIsReadFromTheReceiversAnswer() {
        assertThat(ShareDeliveryObserver.displayName("{\"recipientDisplayName\":\"Bob\"}"))
                .contains("Bob");
        assertThat(ShareDeliveryObserver.displayName("{}")).isEmpty();
        assertThat(ShareDeliveryObserver.displayName("not json")).isEmpty();
    }
}

package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Poll;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A share made while the receiving server is down (checklist S44, S45; Q18): it is committed and
 * {@code pending}, and once the receiver is back the outbox delivers it exactly once. Uses private
 * instances with short outbox retries and discovery failure caching, so the shared federation is
 * never stopped.
 */
class SharesOutageIT {

    private static final Map<String, String> QUICK_RETRIES =
            Map.of(
                    "OCM_OUTBOX_POLL_INTERVAL_SECONDS", "1",
                    "OCM_OUTBOX_BACKOFF_BASE_SECONDS", "1",
                    "OCM_OUTBOX_BACKOFF_CAP_SECONDS", "2",
                    "OCM_DISCOVERY_FAILURE_TTL_SECONDS", "0");

    @Test
    void shareMadeWhileReceiverIsDownArrivesOnceWhenItIsBack() {
        try (OcmInstance a = OcmInstance.start("a2", QUICK_RETRIES);
                OcmInstance b = OcmInstance.start("b2")) {
            b.stop();
            SharesIT.upload(a, "alice", "outage/report.txt");

            JsonObject share =
                    SharesIT.share(a, "bob@" + b.authority(), "outage/report.txt", "\"read\"");
            assertThat(share.getString("state")).isEqualTo("pending");
            assertThat(SharesIT.outgoing(a, share.getString("id")).getString("state"))
                    .isEqualTo("pending");

            b.start();

            JsonObject delivered =
                    Poll.until(
                            "delivery after the receiver is back",
                            Duration.ofSeconds(90),
                            () -> SharesIT.outgoing(a, share.getString("id")),
                            s -> !s.getString("state").equals("pending"));
            assertThat(delivered.getString("state")).isEqualTo("delivered");
            long copies =
                    Http.get(b.url() + "/api/v1/shares/incoming", "bob", "bob")
                            .json()
                            .asJsonArray()
                            .stream()
                            .filter(s -> s.asJsonObject().getString("name").equals("report.txt"))
                            .count();
            assertThat(copies).isEqualTo(1);
        }
    }
}

package io.ocmee.rest.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.settings.OcmSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cross-site check of the user and admin API and of the pages' forms (breaker report). */
class BrowserOriginTest {

    private static final OcmSettings SETTINGS =
            OcmSettings.from(Map.of("ocm.public-url", "https://cloud.example.org")::get);

    @Test
    void aFormPostedFromAnotherSiteIsForeign() {
        assertThat(BrowserOrigin.foreignReason("http://attacker.example", "cross-site", SETTINGS))
                .isEqualTo("sent from another site");
        assertThat(BrowserOrigin.foreignReason(null, "cross-site", SETTINGS))
                .isEqualTo("sent from another site");
        assertThat(BrowserOrigin.foreignReason(null, "same-site", SETTINGS))
                .as("a sibling host of the same site")
                .isEqualTo("sent from another site");
        assertThat(BrowserOrigin.foreignReason("http://attacker.example", null, SETTINGS))
                .isEqualTo("its origin is not this server");
        assertThat(BrowserOrigin.foreignReason("null", null, SETTINGS))
                .as("an opaque origin, e.g. a sandboxed frame")
                .isEqualTo("its origin is not this server");
        assertThat(BrowserOrigin.foreignReason("http://cloud.example.org", null, SETTINGS))
                .as("another scheme")
                .isEqualTo("its origin is not this server");
    }

    @Test
    void ourOwnPagesAndNonBrowserClientsAreNotForeign() {
        assertThat(
                        BrowserOrigin.foreignReason(
                                "https://cloud.example.org", "same-origin", SETTINGS))
                .isNull();
        assertThat(BrowserOrigin.foreignReason("HTTPS://CLOUD.EXAMPLE.ORG", null, SETTINGS))
                .isNull();
        assertThat(BrowserOrigin.foreignReason(null, "none", SETTINGS))
                .as("typed into the address bar")
                .isNull();
        assertThat(BrowserOrigin.foreignReason(null, null, SETTINGS))
                .as("curl, host applications")
                .isNull();
        assertThat(BrowserOrigin.publicOrigin(SETTINGS)).isEqualTo("https://cloud.example.org");
    }
}

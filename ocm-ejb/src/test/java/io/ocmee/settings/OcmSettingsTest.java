package io.ocmee.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcmSettingsTest {

    private static OcmSettings settings(Map<String, String> values) {
        return OcmSettings.from(values::get);
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        OcmSettings s = settings(Map.of());

        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.publicBase()).isEqualTo("http://localhost:8080");
        assertThat(s.providerAuthority()).isEqualTo("localhost:8080");
        assertThat(s.outboundAllowHttp()).isFalse();
        assertThat(s.outboundAllowLoopback()).isFalse();
        assertThat(s.outboundConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.discoveryCacheTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void publicUrlDefaultFollowsThePort() {
        assertThat(settings(Map.of("ocm.port", "9090")).publicBase())
                .isEqualTo("http://localhost:9090");
    }

    @ParameterizedTest
    @CsvSource({
        "https://Cloud.Example.org, cloud.example.org",
        "https://cloud.example.org:443/, cloud.example.org",
        "http://cloud.example.org:80, cloud.example.org",
        "https://cloud.example.org:8443, cloud.example.org:8443",
        "http://127.0.0.1:8080, 127.0.0.1:8080"
    })
    void providerAuthorityDropsDefaultPortsAndTrailingSlash(String url, String authority) {
        assertThat(settings(Map.of("ocm.public-url", url)).providerAuthority())
                .isEqualTo(authority);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ocm.port|abc|Setting ocm.port (OCM_PORT) rejected: 'abc' is not a whole number"
                        + " between 1 and 65535",
                "ocm.port|70000|Setting ocm.port (OCM_PORT) rejected: '70000' is not between 1"
                        + " and 65535",
                "ocm.public-url|cloud.example.org|Setting ocm.public-url (OCM_PUBLIC_URL) rejected:"
                        + " 'cloud.example.org' is not an absolute http(s) URL",
                "ocm.public-url|ftp://cloud.example.org|Setting ocm.public-url (OCM_PUBLIC_URL)"
                        + " rejected: 'ftp://cloud.example.org' is not an absolute http(s) URL",
                "ocm.public-url|https://cloud.example.org/owncloud|Setting ocm.public-url"
                    + " (OCM_PUBLIC_URL) rejected: 'https://cloud.example.org/owncloud' is not a"
                    + " URL without a path",
                "ocm.public-url|https://u:p@cloud.example.org|Setting ocm.public-url"
                        + " (OCM_PUBLIC_URL) rejected: 'https://u:p@cloud.example.org' is not a URL"
                        + " without user info",
                "ocm.outbound.allow-http|maybe|Setting ocm.outbound.allow-http"
                        + " (OCM_OUTBOUND_ALLOW_HTTP) rejected: 'maybe' is not true or false",
                "ocm.outbound.connect-timeout-seconds|0|Setting"
                        + " ocm.outbound.connect-timeout-seconds"
                        + " (OCM_OUTBOUND_CONNECT_TIMEOUT_SECONDS) rejected: '0' is not between 1"
                        + " and 120"
            })
    void rejectsABadValueNamingTheSettingAndItsVariable(String name, String value, String message) {
        assertThatThrownBy(() -> settings(Map.of(name, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void environmentNameIsUpperCaseWithUnderscores() {
        assertThat(OcmSettings.environmentName("ocm.outbound.allow-http"))
                .isEqualTo("OCM_OUTBOUND_ALLOW_HTTP");
    }

    @Test
    void outboxDefaultsRetryForTwoDaysWithBackoffFromTwoSecondsToTenMinutes() {
        OcmSettings s = settings(Map.of());

        assertThat(s.outboxPollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.outboxBatchSize()).isEqualTo(10);
        assertThat(s.outboxBackoffBase()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.outboxBackoffCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.outboxJitterPercent()).isEqualTo(20);
        assertThat(s.outboxRetryHorizon()).isEqualTo(Duration.ofDays(2));
        assertThat(s.outboxInFlightTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.outboxDeliveredRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void tokensLiveAnHourAndExchangeIsNotDemandedByDefault() {
        OcmSettings s = settings(Map.of());

        assertThat(s.tokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(s.mustExchangeToken()).isFalse();
    }

    @Test
    void tokenSettingsAreRead() {
        OcmSettings s =
                settings(
                        Map.of(
                                "ocm.tokens.lifetime-seconds", "120",
                                "ocm.shares.must-exchange-token", "yes"));

        assertThat(s.tokenLifetime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.mustExchangeToken()).isTrue();
    }

    @Test
    void rejectsATokenLifetimeOfZero() {
        assertThatThrownBy(() -> settings(Map.of("ocm.tokens.lifetime-seconds", "0")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(
                        "Setting ocm.tokens.lifetime-seconds (OCM_TOKENS_LIFETIME_SECONDS)"
                                + " rejected: '0' is not between 1 and 86400");
    }

    @Test
    void outboxCapDefaultsToTheBaseWhenTheBaseIsLonger() {
        assertThat(settings(Map.of("ocm.outbox.backoff-base-seconds", "900")).outboxBackoffCap())
                .isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void rejectsAnOutboxCapBelowTheBase() {
        assertThatThrownBy(
                        () ->
                                settings(
                                        Map.of(
                                                "ocm.outbox.backoff-base-seconds", "30",
                                                "ocm.outbox.backoff-cap-seconds", "10")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(
                        "Setting ocm.outbox.backoff-cap-seconds (OCM_OUTBOX_BACKOFF_CAP_SECONDS)"
                                + " rejected: '10' is not between 30 and 86400");
    }

    @Test
    void rejectsAnInFlightTimeoutShorterThanTwoExchanges() {
        assertThatThrownBy(
                        () ->
                                settings(
                                        Map.of(
                                                "ocm.outbound.read-timeout-seconds", "60",
                                                "ocm.outbox.in-flight-timeout-seconds", "100")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(
                        "Setting ocm.outbox.in-flight-timeout-seconds"
                                + " (OCM_OUTBOX_IN_FLIGHT_TIMEOUT_SECONDS) rejected: '100' is not"
                                + " between 130 and 86400");
    }

    @Test
    void trustSettingsDefaultToOpenWithInvitesMakingTrust() {
        OcmSettings s = settings(Map.of());

        assertThat(s.trustAllow()).isEmpty();
        assertThat(s.trustDeny()).isEmpty();
        assertThat(s.trustMustInvite()).isFalse();
        assertThat(s.trustInviteMakesTrusted()).isTrue();
        assertThat(s.inviteDefaultExpiry()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void trustListsAreReadAsCommaListsOfHostsAndDomainPatterns() {
        OcmSettings s =
                settings(
                        Map.of(
                                "ocm.trust.allow", " Cloud.Example.org , *.partner.net:8443,,",
                                "ocm.trust.deny", "localhost:9999",
                                "ocm.trust.must-invite", "true",
                                "ocm.trust.invite-makes-trusted", "false"));

        assertThat(s.trustAllow())
                .extracting(Object::toString)
                .containsExactly("cloud.example.org", "*.partner.net:8443");
        assertThat(s.trustDeny()).extracting(Object::toString).containsExactly("localhost:9999");
        assertThat(s.trustMustInvite()).isTrue();
        assertThat(s.trustInviteMakesTrusted()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ocm.trust.deny|https://evil.example/path|Setting ocm.trust.deny (OCM_TRUST_DENY)"
                        + " rejected: host pattern 'https://evil.example/path' rejected: give"
                        + " host[:port], not a URL",
                "ocm.trust.allow|a.*.example|Setting ocm.trust.allow (OCM_TRUST_ALLOW) rejected:"
                        + " host pattern 'a.*.example' rejected: '*' is allowed only as a leading"
                        + " '*.' label",
                "ocm.trust.must-invite|maybe|Setting ocm.trust.must-invite (OCM_TRUST_MUST_INVITE)"
                        + " rejected: 'maybe' is not true or false",
                "ocm.invite.default-expiry-seconds|10|Setting ocm.invite.default-expiry-seconds"
                        + " (OCM_INVITE_DEFAULT_EXPIRY_SECONDS) rejected: '10' is not between 60"
                        + " and 31536000"
            })
    void badTrustSettingsStopTheServerNamingTheSetting(String name, String value, String message) {
        assertThatThrownBy(() -> settings(Map.of(name, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message);
    }
}

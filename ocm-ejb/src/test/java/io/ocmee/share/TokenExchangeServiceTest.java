package io.ocmee.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocmee.address.OcmAddress;
import io.ocmee.address.ProviderHost;
import io.ocmee.signature.SignatureScheme;
import io.ocmee.spi.ResourcePath;
import io.ocmee.trust.InboundPeer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks of the token endpoint (OCM-NOTES §6, checklist S53) on shares at a given time. */
class TokenExchangeServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final ProviderHost PEER = ProviderHost.parse("peer.example.net");

    private static OutgoingShare share(Optional<Instant> expiration) {
        ShareDraft draft =
                new ShareDraft(
                        "p-1",
                        "alice",
                        "alice@cloud.example.org",
                        "Alice",
                        OcmAddress.parse("bob@peer.example.net"),
                        ResourcePath.parse("report.txt"),
                        "file",
                        "user",
                        EnumSet.of(Permissions.READ),
                        expiration,
                        new SharePlan(ProtocolShape.MULTI, "file", false, true, true));
        return new OutgoingShare(draft, Secrets.hash("secret"), NOW);
    }

    private static InboundPeer signedBy(String host) {
        return new InboundPeer(ProviderHost.parse(host), Optional.of(SignatureScheme.RFC9421));
    }

    @Test
    void clientMustBeAHostAndTheSigner() {
        assertThat(
                        TokenExchangeService.checkClient(
                                signedBy("peer.example.net"), "peer.example.net"))
                .isEqualTo(PEER);

        TokenRefusedException notAHost =
                catchThrowableOfType(
                        () ->
                                TokenExchangeService.checkClient(
                                        signedBy("peer.example.net"), "bob@peer"),
                        TokenRefusedException.class);
        TokenRefusedException otherSigner =
                catchThrowableOfType(
                        () ->
                                TokenExchangeService.checkClient(
                                        signedBy("evil.example.net"), "peer.example.net"),
                        TokenRefusedException.class);

        assertThat(notAHost.error()).isEqualTo(TokenError.INVALID_CLIENT);
        assertThat(notAHost.getMessage())
                .isEqualTo("Token request rejected: client_id is not a host[:port]");
        assertThat(otherSigner.error()).isEqualTo(TokenError.INVALID_CLIENT);
        assertThat(otherSigner.getMessage())
                .isEqualTo(
                        "Token request rejected: client_id names peer.example.net but the request"
                                + " is signed by evil.example.net");
    }

    @Test
    void unsignedRequestsAreAttributedToTheirClientId() {
        InboundPeer unsigned = new InboundPeer(PEER, Optional.empty());

        assertThat(TokenExchangeService.checkClient(unsigned, "https://peer.example.net/"))
                .isEqualTo(PEER);
    }

    @Test
    void liveShareOfTheClientIsGranted() {
        assertThatCode(() -> TokenExchangeService.checkGrant(share(Optional.empty()), PEER, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownCodeIsAnInvalidGrant() {
        TokenRefusedException refused =
                catchThrowableOfType(
                        () -> TokenExchangeService.checkGrant(null, PEER, NOW),
                        TokenRefusedException.class);

        assertThat(refused.error()).isEqualTo(TokenError.INVALID_GRANT);
        assertThat(refused.getMessage()).isEqualTo("Token request rejected: the code is not valid");
    }

    @Test
    void revokedOrExpiredSharesAreInvalidGrants() {
        OutgoingShare revoked = share(Optional.empty());
        revoked.changeState(OutgoingState.REMOVED, NOW);
        OutgoingShare expired = share(Optional.of(NOW.minusSeconds(1)));

        for (OutgoingShare share : new OutgoingShare[] {revoked, expired}) {
            TokenRefusedException refused =
                    catchThrowableOfType(
                            () -> TokenExchangeService.checkGrant(share, PEER, NOW),
                            TokenRefusedException.class);
            assertThat(refused.error()).isEqualTo(TokenError.INVALID_GRANT);
            assertThat(refused.getMessage())
                    .isEqualTo("Token request rejected: the share of this code is removed");
        }
    }

    @Test
    void shareMadeWithAnotherServerIsAnUnauthorizedClient() {
        TokenRefusedException refused =
                catchThrowableOfType(
                        () ->
                                TokenExchangeService.checkGrant(
                                        share(Optional.empty()),
                                        ProviderHost.parse("other.example.net"),
                                        NOW),
                        TokenRefusedException.class);

        assertThat(refused.error()).isEqualTo(TokenError.UNAUTHORIZED_CLIENT);
        assertThat(refused.getMessage())
                .isEqualTo(
                        "Token request rejected: the share of this code was not made with a user"
                                + " of other.example.net");
    }

    @Test
    void tokensLiveTheirLifetimeButNeverPastTheShare() {
        Duration hour = Duration.ofHours(1);

        assertThat(TokenExchangeService.expiry(NOW, hour, Optional.empty()))
                .isEqualTo(NOW.plus(hour));
        assertThat(TokenExchangeService.expiry(NOW, hour, Optional.of(NOW.plusSeconds(60))))
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(
                        TokenExchangeService.expiry(
                                NOW, hour, Optional.of(NOW.plus(Duration.ofDays(1)))))
                .isEqualTo(NOW.plus(hour));
    }

    @Test
    void exchangesAreCountedOnTheShare() {
        OutgoingShare share = share(Optional.empty());
        share.countTokenExchange();
        share.countTokenExchange();

        assertThat(share.view(NOW).tokenExchanges()).isEqualTo(2);
        assertThat(share.view(NOW).mustExchangeToken()).isTrue();
    }

    @Test
    void accessTokensExpireAtTheirExpiry() {
        AccessToken token = new AccessToken("h", "s", "peer.example.net", NOW, NOW.plusSeconds(5));

        assertThat(token.validAt(NOW.plusSeconds(4))).isTrue();
        assertThat(token.validAt(NOW.plusSeconds(5))).isFalse();
    }
}

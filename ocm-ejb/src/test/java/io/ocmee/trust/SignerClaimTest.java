package io.ocmee.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.address.ProviderHost;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each OCM request names its sender (OCM-NOTES §7.3 step 4). */
class SignerClaimTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SHARE|{\"sender\":\"alice@cloud.example.org\"}|cloud.example.org",
                "SHARE|{\"sender\":\"a@b@cloud.example.org:8443\"}|cloud.example.org:8443",
                "SHARE|{\"sharedBy\":\"alice@https://nc.example.com\"}|nc.example.com",
                "NOTIFICATION|{\"senderDomain\":\"files.example.com\"}|files.example.com",
                "INVITE_ACCEPTANCE|{\"recipientProvider\":\"https://r.example.net/\"}|r.example.net",
                "TOKEN_REQUEST|grant_type=authorization_code&client_id=r.example.net%3A8443&code=x|r.example.net:8443"
            })
    void findsTheClaimedSender(SignerClaim claim, String body, String authority) {
        Optional<ProviderHost> claimed = claim.claimed(body.getBytes(StandardCharsets.UTF_8));

        assertThat(claimed).map(ProviderHost::authority).contains(authority);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SHARE|not json",
                "SHARE|[1,2]",
                "SHARE|{\"sender\":42}",
                "SHARE|{\"sender\":\"no-at-sign\"}",
                "SHARE|{\"sender\":\"x@host/path\"}",
                "NOTIFICATION|{\"providerId\":\"7\"}",
                "TOKEN_REQUEST|grant_type=authorization_code&code=x"
            })
    void findsNothingInABodyThatNamesNoUsableSender(SignerClaim claim, String body) {
        assertThat(claim.claimed(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}

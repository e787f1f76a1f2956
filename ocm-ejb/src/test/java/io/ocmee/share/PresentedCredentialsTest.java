package io.ocmee.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Credential forms on the WebDAV endpoint (OCM-NOTES §8.1, §11 Q9, Q19, Q20). */
class PresentedCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearerWithAnySchemeCase() {
        assertThat(PresentedCredentials.candidates("Bearer tok-1")).containsExactly("tok-1");
        assertThat(PresentedCredentials.candidates("bearer  tok-1 ")).containsExactly("tok-1");
    }

    @Test
    void basicWithTheSecretAsUserNameAndAnyPassword() {
        assertThat(PresentedCredentials.candidates(basic("s3cret:"))).containsExactly("s3cret");
        assertThat(PresentedCredentials.candidates(basic("s3cret:whatever")))
                .containsExactly("s3cret");
        assertThat(PresentedCredentials.candidates(basic("s3cret"))).containsExactly("s3cret");
    }

    @Test
    void basicWithAnEmptyUserNameUsesThePassword() {
        assertThat(PresentedCredentials.candidates(basic(":s3cret"))).containsExactly("s3cret");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "Bearer",
                "Bearer ",
                "Digest username=x",
                "Basic !!!not-base64",
                "Bearer two words",
                "Signature keyId=x"
            })
    void othersYieldNoCandidate(String authorization) {
        assertThat(PresentedCredentials.candidates(authorization)).isEmpty();
    }

    @Test
    void refusesOverlongCandidates() {
        assertThat(PresentedCredentials.candidates("Bearer " + "a".repeat(1025))).isEmpty();
    }
}

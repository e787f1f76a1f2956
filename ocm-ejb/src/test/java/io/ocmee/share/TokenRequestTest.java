package io.ocmee.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of token requests (OCM-NOTES §6, §11 Q16; RFC 6749 §3.2, §5.2). */
class TokenRequestTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheThreeParametersAndIgnoresOthers() {
        TokenRequest request =
                TokenRequest.parse(
                        FORM + "; charset=UTF-8",
                        body(
                                "grant_type=authorization_code&client_id=cloud.example.org%3A8443"
                                        + "&code=a%2Bb&redirect_uri=https%3A%2F%2Fx"));

        assertThat(request.grantType()).isEqualTo("authorization_code");
        assertThat(request.clientId()).isEqualTo("cloud.example.org:8443");
        assertThat(request.code()).isEqualTo("a+b");
        assertThat(request.toString()).doesNotContain("a+b");
    }

    @Test
    void acceptsTheLegacyOcmShareGrant() {
        assertThat(
                        TokenRequest.parse(FORM, body("grant_type=ocm_share&client_id=x&code=c"))
                                .grantType())
                .isEqualTo("ocm_share");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json|grant_type=authorization_code&client_id=x&code=c|invalid_request"
                        + "|Token request rejected: the body must be"
                        + " application/x-www-form-urlencoded",
                FORM
                        + "|client_id=x&code=c|invalid_request"
                        + "|Token request rejected: grant_type is missing",
                FORM
                        + "|grant_type=password&client_id=x&code=c|unsupported_grant_type"
                        + "|Token request rejected: grant_type must be authorization_code (or the"
                        + " legacy ocm_share)",
                FORM
                        + "|grant_type=authorization_code&code=c|invalid_request"
                        + "|Token request rejected: client_id is missing",
                FORM
                        + "|grant_type=authorization_code&client_id=x&code=|invalid_request"
                        + "|Token request rejected: code is missing",
                FORM
                        + "|grant_type=authorization_code&client_id=x&code=c&code=d|invalid_request"
                        + "|Token request rejected: code is sent more than once",
                FORM
                        + "|grant_type=authorization_code&client_id=%zz&code=c|invalid_request"
                        + "|Token request rejected: the body is not a valid form"
            })
    void refusesABadRequestWithItsCode(String type, String form, String code, String message) {
        TokenRefusedException refused =
                catchThrowableOfType(
                        () -> TokenRequest.parse(type, body(form)), TokenRefusedException.class);

        assertThat(refused.error().wire()).isEqualTo(code);
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    @Test
    void refusesAMissingContentType() {
        TokenRefusedException refused =
                catchThrowableOfType(
                        () -> TokenRequest.parse(null, body("grant_type=authorization_code")),
                        TokenRefusedException.class);

        assertThat(refused.error()).isEqualTo(TokenError.INVALID_REQUEST);
    }
}

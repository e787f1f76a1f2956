package io.ocmee.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Refused signatures on the token endpoint are answered in its own error format (OCM-NOTES §6); the
 * answers themselves are checked over HTTP in ResourceAccessIT (no JAX-RS runtime here).
 */
class TokenErrorsTest {

    @Test
    void recognisesTheTokenEndpointPathInItsSpellings() {
        assertThat(RequestRejectedMapper.isTokenEndpoint("ocm/token")).isTrue();
        assertThat(RequestRejectedMapper.isTokenEndpoint("/ocm/token/")).isTrue();
        assertThat(RequestRejectedMapper.isTokenEndpoint("ocm/shares")).isFalse();
        assertThat(RequestRejectedMapper.isTokenEndpoint("ocm/token/x")).isFalse();
    }
}

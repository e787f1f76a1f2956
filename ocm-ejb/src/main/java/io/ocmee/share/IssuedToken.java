package io.ocmee.share;

import java.util.Objects;

/**
 * The token endpoint's answer to a successful exchange (OCM-NOTES §6): {@code {"access_token",
 * "token_type": "Bearer", "expires_in"}}. No refresh token: receivers repeat the exchange.
 *
 * @param accessToken the bearer token, 256 random bits; never logged or stored in clear
 * @param expiresIn its lifetime in seconds, at least 1
 */
public record IssuedToken(String accessToken, long expiresIn) {

    /**
     * @throws NullPointerException if {@code accessToken} is {@code null}
     */
    public IssuedToken {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /**
     * @return the token without the token itself
     */
    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + "]";
    }
}

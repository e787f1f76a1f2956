package io.ocmee.share;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A token request as the token endpoint receives it (OCM-NOTES §6, RFC 6749 §4.1.3): an {@code
 * application/x-www-form-urlencoded} body with {@code grant_type}, {@code client_id} and {@code
 * code}. Other parameters ({@code redirect_uri}, ...) are ignored. Stateless parsing; the values
 * are checked against shares by {@link TokenExchangeService}.
 *
 * @param grantType {@code authorization_code}, or the legacy {@code ocm_share} (§11 Q16)
 * @param clientId the receiving server as it names itself
 * @param code the share's shared secret; never logged
 */
public record TokenRequest(String grantType, String clientId, String code) {

    /** The grant types accepted. */
    public static final Set<String> GRANT_TYPES = Set.of("authorization_code", "ocm_share");

    private static final Set<String> KNOWN = Set.of("grant_type", "client_id", "code");

    /**
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param body the exact body
     * @return the request
     * @throws TokenRefusedException {@code invalid_request} for another content type, a body that
     *     is not a form, a missing or repeated parameter; {@code unsupported_grant_type} for
     *     another grant type
     */
    public static TokenRequest parse(String contentType, byte[] body) {
        if (!isForm(contentType)) {
            throw refuse(
                    TokenError.INVALID_REQUEST,
                    "the body must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String grantType = required(form, "grant_type");
        if (!GRANT_TYPES.contains(grantType)) {
            throw refuse(
                    TokenError.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be authorization_code (or the legacy ocm_share)");
        }
        return new TokenRequest(grantType, required(form, "client_id"), required(form, "code"));
    }

    /**
     * @return the request without the code
     */
    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", clientId=" + clientId + "]";
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT).equals("application/x-www-form-urlencoded");
    }

    private static Map<String, String> form(String text) {
        Map<String, String> form = new HashMap<>();
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (KNOWN.contains(name) && form.putIfAbsent(name, value) != null) {
                // RFC 6749 §3.2: request parameters must not be included more than once
                throw refuse(TokenError.INVALID_REQUEST, name + " is sent more than once");
            }
        }
        return form;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw refuse(TokenError.INVALID_REQUEST, name + " is missing");
        }
        return value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refuse(TokenError.INVALID_REQUEST, "the body is not a valid form");
        }
    }

    private static TokenRefusedException refuse(TokenError error, String reason) {
        return new TokenRefusedException(error, "Token request rejected: " + reason);
    }
}

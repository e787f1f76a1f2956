package io.ocmee.signature.cavage;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a draft-cavage-12 signature (§2.1): {@code keyId}, {@code algorithm}, {@code
 * created}, {@code expires}, {@code headers}, {@code signature}.
 *
 * <p>Deviation from draft-cavage-12 §2.1.6: when {@code headers} is absent this library assumes
 * {@code date}, as drafts up to -10 and the published -12 test vectors do, not {@code (created)}.
 *
 * @param keyId the key id, for Nextcloud a URL such as {@code https://host/ocm#signature}
 * @param algorithm the {@code algorithm} value, or null if absent
 * @param created the {@code created} Unix time, or null if absent
 * @param expires the {@code expires} Unix time, or null if absent
 * @param headers the signed header names, lower case, in signed order
 * @param signature the signature bytes (copied in and out)
 */
public record CavageSignatureHeader(
        String keyId,
        String algorithm,
        Long created,
        Long expires,
        List<String> headers,
        byte[] signature) {

    /** The prefix of the {@code Authorization} form. */
    public static final String AUTHORIZATION_SCHEME = "Signature";

    /**
     * @throws MalformedCavageSignatureException if keyId is blank or headers is empty
     */
    public CavageSignatureHeader {
        Objects.requireNonNull(signature, "signature");
        if (keyId == null || keyId.isBlank()) {
            throw new MalformedCavageSignatureException("Signature rejected: keyId is missing");
        }
        if (headers == null || headers.isEmpty()) {
            throw new MalformedCavageSignatureException("Signature rejected: headers is empty");
        }
        headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        signature = signature.clone();
    }

    /**
     * Parses the value of a {@code Signature} header: comma-separated {@code name="value"} pairs
     * ({@code created} and {@code expires} may be unquoted integers). Unknown parameters are
     * ignored, as the draft requires.
     *
     * @param value the header value
     * @return the parameters
     * @throws MalformedCavageSignatureException if a pair is malformed or repeated, {@code keyId}
     *     or {@code signature} is missing, or a value is invalid
     */
    public static CavageSignatureHeader parse(String value) {
        Map<String, String> parameters = CavageParameterParser.parse(value);
        String keyId = require(parameters, "keyId");
        String signature = require(parameters, "signature");
        return new CavageSignatureHeader(
                keyId,
                parameters.get("algorithm"),
                unixTime(parameters, "created"),
                unixTime(parameters, "expires"),
                headerList(parameters.getOrDefault("headers", "date")),
                base64(signature));
    }

    /**
     * Parses an {@code Authorization} header value of the form {@code Signature <parameters>}.
     *
     * @param value the header value
     * @return the parameters
     * @throws MalformedCavageSignatureException if the scheme is not {@code Signature} or the
     *     parameters are malformed
     */
    public static CavageSignatureHeader parseAuthorization(String value) {
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase(AUTHORIZATION_SCHEME)) {
            throw new MalformedCavageSignatureException(
                    "Signature rejected: the Authorization scheme is not 'Signature'");
        }
        return parse(trimmed.substring(space + 1));
    }

    /**
     * @return whether an Authorization value uses the {@code Signature} scheme
     */
    public static boolean isSignatureAuthorization(String value) {
        String trimmed = value.stripLeading();
        return trimmed.regionMatches(true, 0, AUTHORIZATION_SCHEME + " ", 0, 10);
    }

    /**
     * @return the {@code created} parameter, if present
     */
    public Optional<Long> createdTime() {
        return Optional.ofNullable(created);
    }

    /**
     * @return the {@code expires} parameter, if present
     */
    public Optional<Long> expiresTime() {
        return Optional.ofNullable(expires);
    }

    /**
     * @return a copy of the signature bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * @return the {@code Signature} header value, parameters in the order keyId, algorithm,
     *     created, expires, headers, signature
     */
    public String toSignatureValue() {
        StringBuilder out = new StringBuilder();
        out.append("keyId=\"").append(keyId).append('"');
        if (algorithm != null) {
            out.append(",algorithm=\"").append(algorithm).append('"');
        }
        if (created != null) {
            out.append(",created=").append(created);
        }
        if (expires != null) {
            out.append(",expires=").append(expires);
        }
        out.append(",headers=\"").append(String.join(" ", headers)).append('"');
        out.append(",signature=\"")
                .append(Base64.getEncoder().encodeToString(signature))
                .append('"');
        return out.toString();
    }

    /**
     * @return the {@code Authorization} header value: {@code Signature } and the parameters
     */
    public String toAuthorizationValue() {
        return AUTHORIZATION_SCHEME + " " + toSignatureValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CavageSignatureHeader that
                && keyId.equals(that.keyId)
                && Objects.equals(algorithm, that.algorithm)
                && Objects.equals(created, that.created)
                && Objects.equals(expires, that.expires)
                && headers.equals(that.headers)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, headers) * 31 + Arrays.hashCode(signature);
    }

    /** Omits the signature bytes. */
    @Override
    public String toString() {
        return "CavageSignatureHeader[keyId="
                + keyId
                + ", algorithm="
                + algorithm
                + ", headers="
                + headers
                + "]";
    }

    private static String require(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedCavageSignatureException(
                    "Signature rejected: parameter '" + name + "' is missing");
        }
        return value;
    }

    private static Long unixTime(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,15}")) {
            throw new MalformedCavageSignatureException(
                    "Signature rejected: parameter '" + name + "' is not a Unix time");
        }
        return Long.parseLong(value);
    }

    private static List<String> headerList(String value) {
        List<String> names =
                Arrays.stream(value.strip().split(" +")).filter(n -> !n.isEmpty()).toList();
        if (names.size() != names.stream().distinct().count()) {
            throw new MalformedCavageSignatureException(
                    "Signature rejected: 'headers' lists a header twice");
        }
        return names;
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedCavageSignatureException(
                    "Signature rejected: parameter 'signature' is not base64");
        }
    }

    /** Splits {@code name="value",name=123} into pairs, keeping order. */
    private static final class CavageParameterParser {
        private final String input;
        private int pos;

        private CavageParameterParser(String input) {
            this.input = input;
        }

        static Map<String, String> parse(String input) {
            return new CavageParameterParser(input).pairs();
        }

        private Map<String, String> pairs() {
            Map<String, String> pairs = new LinkedHashMap<>();
            skipWhitespace();
            while (pos < input.length()) {
                String name = name();
                String value = value();
                if (pairs.put(name, value) != null) {
                    throw malformed("parameter '" + name + "' is repeated");
                }
                skipWhitespace();
                if (pos < input.length()) {
                    if (input.charAt(pos) != ',') {
                        throw malformed("expected ',' after parameter '" + name + "'");
                    }
                    pos++;
                    skipWhitespace();
                    if (pos >= input.length()) {
                        throw malformed("a trailing ',' must be followed by a parameter");
                    }
                }
            }
            return pairs;
        }

        private String name() {
            int start = pos;
            while (pos < input.length() && Character.isLetterOrDigit(input.charAt(pos))) {
                pos++;
            }
            if (pos == start || pos >= input.length() || input.charAt(pos) != '=') {
                throw malformed("expected name=value at position " + start);
            }
            return input.substring(start, pos++);
        }

        private String value() {
            if (pos < input.length() && input.charAt(pos) == '"') {
                int end = input.indexOf('"', pos + 1);
                if (end < 0) {
                    throw malformed("a quoted value is not closed");
                }
                String value = input.substring(pos + 1, end);
                pos = end + 1;
                return value;
            }
            int start = pos;
            while (pos < input.length() && input.charAt(pos) != ',' && input.charAt(pos) != ' ') {
                pos++;
            }
            return input.substring(start, pos);
        }

        private void skipWhitespace() {
            while (pos < input.length()
                    && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private static MalformedCavageSignatureException malformed(String what) {
            return new MalformedCavageSignatureException("Signature rejected: " + what);
        }
    }
}

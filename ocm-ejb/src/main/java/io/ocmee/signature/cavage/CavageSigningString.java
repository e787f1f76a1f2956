package io.ocmee.signature.cavage;

import io.ocmee.signature.message.HttpMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The signing string of draft-cavage-12 §2.3: one line per name in {@code headers}, {@code <name>:
 * <value>}, joined by LF. {@code (request-target)} is the lower-case method, a space, and path plus
 * query; {@code (created)} and {@code (expires)} come from the signature parameters; any other name
 * is the header's values, trimmed and joined by {@code ", "}. Only {@code host} falls back to the
 * target URI's authority when the header is absent (HTTP/2 requests carry {@code :authority}
 * instead).
 */
public final class CavageSigningString {

    private CavageSigningString() {}

    /**
     * @param request the request
     * @param headers the names to sign, in order, lower case
     * @param created the {@code created} parameter, or null
     * @param expires the {@code expires} parameter, or null
     * @return the signing string
     * @throws MissingHeaderException if a listed header is absent, or {@code (created)}/{@code
     *     (expires)} is listed without the parameter
     * @throws MalformedCavageSignatureException if the string holds a character outside ISO-8859-1
     */
    public static String build(
            HttpMessage request, List<String> headers, Long created, Long expires) {
        StringBuilder out = new StringBuilder();
        for (String name : headers) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(name).append(": ").append(value(request, name, created, expires));
        }
        return out.toString();
    }

    /**
     * @return the signing string as the bytes that are signed (ISO-8859-1)
     */
    public static byte[] bytes(String signingString) {
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(signingString)) {
            throw new MalformedCavageSignatureException(
                    "Signature rejected: a signed header holds a character outside ISO-8859-1");
        }
        return signingString.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String value(HttpMessage request, String name, Long created, Long expires) {
        return switch (name) {
            case "(request-target)" -> requestTarget(request);
            case "(created)" -> pseudo(name, created);
            case "(expires)" -> pseudo(name, expires);
            default -> header(request, name);
        };
    }

    private static String requestTarget(HttpMessage request) {
        URI uri = request.targetUri();
        String path =
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return request.method().toLowerCase(Locale.ROOT) + " " + path + query;
    }

    private static String pseudo(String name, Long value) {
        if (value == null) {
            throw new MissingHeaderException(
                    name, "Signature rejected: " + name + " is signed but the parameter is absent");
        }
        return Long.toString(value);
    }

    private static String header(HttpMessage request, String name) {
        return request.fields()
                .combined(name)
                .or(
                        () ->
                                name.equals("host")
                                        ? Optional.of(request.targetUri().getRawAuthority())
                                        : Optional.empty())
                .orElseThrow(
                        () ->
                                new MissingHeaderException(
                                        name,
                                        "Signature rejected: signed header '"
                                                + name
                                                + "' is not present in the message"));
    }
}

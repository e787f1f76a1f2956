package io.ocmee.signature.rfc9421;

import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.sf.BareItem;
import io.ocmee.signature.sf.Member;
import io.ocmee.signature.sf.SfDictionary;
import io.ocmee.signature.sf.StructuredFieldException;
import io.ocmee.signature.sf.StructuredFieldParser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Resolves the value of one covered component (RFC 9421 §2.1 fields, §2.2 derived). */
final class ComponentValues {

    /**
     * Structured types of the fields that may carry {@code sf} or {@code key} (RFC 9421 §2.1.1).
     */
    private static final Map<String, String> STRUCTURED_TYPES =
            Map.ofEntries(
                    Map.entry("signature-input", "dictionary"),
                    Map.entry("signature", "dictionary"),
                    Map.entry("accept-signature", "dictionary"),
                    Map.entry("content-digest", "dictionary"),
                    Map.entry("repr-digest", "dictionary"),
                    Map.entry("want-content-digest", "dictionary"),
                    Map.entry("want-repr-digest", "dictionary"),
                    Map.entry("priority", "dictionary"),
                    Map.entry("example-dict", "dictionary"),
                    Map.entry("cache-status", "list"),
                    Map.entry("proxy-status", "list"),
                    Map.entry("client-cert", "item"),
                    Map.entry("client-cert-chain", "list"));

    private ComponentValues() {}

    static String resolve(HttpMessage message, ComponentIdentifier component) {
        HttpMessage source = component.has("req") ? relatedRequest(message, component) : message;
        return component.isDerived()
                ? derived(source, component)
                : field(source.fields(), component);
    }

    private static HttpMessage relatedRequest(HttpMessage message, ComponentIdentifier component) {
        if (!message.isResponse()) {
            throw new MalformedSignatureException(
                    "Signature rejected: " + component.serialize() + " uses 'req' on a request");
        }
        return message.relatedRequest()
                .orElseThrow(
                        () ->
                                new MissingComponentException(
                                        component.serialize(),
                                        "Signature rejected: "
                                                + component.serialize()
                                                + " needs the related request, which is unknown"));
    }

    private static String derived(HttpMessage message, ComponentIdentifier component) {
        if (component.name().equals("@status")) {
            return status(message, component);
        }
        if (message.isResponse()) {
            throw notApplicable(component, "a response");
        }
        URI uri = message.targetUri();
        return switch (component.name()) {
            case "@method" -> message.method();
            case "@target-uri" -> uri.toASCIIString();
            case "@authority" -> authority(uri);
            case "@scheme" -> uri.getScheme().toLowerCase(Locale.ROOT);
            case "@request-target" -> path(uri) + queryPart(uri, "");
            case "@path" -> path(uri);
            case "@query" -> queryPart(uri, "?");
            case "@query-param" -> queryParameter(uri, component);
            default ->
                    throw new MalformedSignatureException(
                            "Signature rejected: unknown derived component "
                                    + component.serialize());
        };
    }

    private static String status(HttpMessage message, ComponentIdentifier component) {
        if (!message.isResponse()) {
            throw notApplicable(component, "a request");
        }
        return String.format(Locale.ROOT, "%03d", message.status());
    }

    private static MissingComponentException notApplicable(
            ComponentIdentifier component, String what) {
        return new MissingComponentException(
                component.serialize(),
                "Signature rejected: " + component.serialize() + " does not apply to " + what);
    }

    /** RFC 9421 §2.2.3: host in lower case, port only if not the scheme's default. */
    private static String authority(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1
                        || (scheme.equals("https") && port == 443)
                        || (scheme.equals("http") && port == 80);
        String host = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
        host = host.toLowerCase(Locale.ROOT);
        return defaultPort ? host : host + ':' + port;
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String queryPart(URI uri, String whenAbsent) {
        String query = uri.getRawQuery();
        return query == null ? whenAbsent : "?" + query;
    }

    /**
     * RFC 9421 §2.2.8: parse the query as application/x-www-form-urlencoded, pick the one parameter
     * with the decoded name, and re-encode its value with percent-encoding.
     */
    private static String queryParameter(URI uri, ComponentIdentifier component) {
        String wanted =
                component
                        .stringParameter("name")
                        .orElseThrow(
                                () ->
                                        new MalformedSignatureException(
                                                "Signature rejected: \"@query-param\" needs a"
                                                        + " 'name' parameter"));
        List<String> values = queryValues(uri.getRawQuery(), wanted);
        if (values.size() != 1) {
            throw new MissingComponentException(
                    component.serialize(),
                    "Signature rejected: query parameter '"
                            + wanted
                            + "' must occur exactly once, found "
                            + values.size());
        }
        return encode(values.get(0));
    }

    private static List<String> queryValues(String rawQuery, String wanted) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> pair.split("=", 2))
                .filter(pair -> decode(pair[0]).equals(wanted))
                .map(pair -> pair.length == 2 ? decode(pair[1]) : "")
                .collect(Collectors.toList());
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedSignatureException(
                    "Signature rejected: the query holds an invalid percent-encoding");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String field(HeaderFields fields, ComponentIdentifier component) {
        List<String> lines = fields.values(component.name());
        if (lines.isEmpty()) {
            throw new MissingComponentException(
                    component.serialize(),
                    "Signature rejected: covered field \""
                            + component.name()
                            + "\" is not present in the message");
        }
        if (component.has("bs")) {
            return byteSequences(component, lines);
        }
        String combined = fields.combined(component.name()).orElseThrow();
        if (component.parameters().get("key").isPresent()) {
            return dictionaryMember(component, combined);
        }
        if (component.has("sf")) {
            return reserialize(component, combined);
        }
        return combined;
    }

    private static String byteSequences(ComponentIdentifier component, List<String> lines) {
        if (component.has("sf") || component.parameters().get("key").isPresent()) {
            throw new MalformedSignatureException(
                    "Signature rejected: "
                            + component.serialize()
                            + " combines 'bs' with 'sf' or 'key'");
        }
        return lines.stream()
                .map(HeaderFields::trim)
                .map(v -> new BareItem.ByteSequence(v.getBytes(StandardCharsets.ISO_8859_1)))
                .map(BareItem.ByteSequence::serialize)
                .collect(Collectors.joining(", "));
    }

    private static String dictionaryMember(ComponentIdentifier component, String combined) {
        String key = component.stringParameter("key").orElseThrow();
        SfDictionary dictionary = parseDictionary(component, combined);
        Member member =
                dictionary
                        .get(key)
                        .orElseThrow(
                                () ->
                                        new MissingComponentException(
                                                component.serialize(),
                                                "Signature rejected: dictionary field \""
                                                        + component.name()
                                                        + "\" has no member '"
                                                        + key
                                                        + "'"));
        return member.serialize();
    }

    private static String reserialize(ComponentIdentifier component, String combined) {
        String type = STRUCTURED_TYPES.get(component.name());
        try {
            if (type == null) {
                throw new MalformedSignatureException(
                        "Signature rejected: the structured type of field \""
                                + component.name()
                                + "\" is unknown, so 'sf' cannot be applied");
            }
            return switch (type) {
                case "dictionary" -> StructuredFieldParser.parseDictionary(combined).serialize();
                case "list" -> StructuredFieldParser.parseList(combined).serialize();
                default -> StructuredFieldParser.parseItem(combined).serialize();
            };
        } catch (StructuredFieldException e) {
            throw new MalformedSignatureException(
                    "Signature rejected: field \"" + component.name() + "\" is not a valid " + type,
                    e);
        }
    }

    private static SfDictionary parseDictionary(ComponentIdentifier component, String combined) {
        try {
            return StructuredFieldParser.parseDictionary(combined);
        } catch (StructuredFieldException e) {
            throw new MalformedSignatureException(
                    "Signature rejected: field \""
                            + component.name()
                            + "\" is not a valid dictionary",
                    e);
        }
    }
}

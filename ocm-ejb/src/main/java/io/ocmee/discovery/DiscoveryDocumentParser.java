package io.ocmee.discovery;

import io.ocmee.discovery.DiscoveryException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a discovery document into a {@link PeerDiscovery}, tolerating what deployed servers
 * publish (notes §11 Q1–Q3, Q28–Q31):
 *
 * <ul>
 *   <li>{@code enabled} must be the JSON literal {@code true}; {@code false}, a missing value or a
 *       non-boolean (such as {@code "true"}) means no OCM service, as Nextcloud reads it;
 *   <li>a missing or empty {@code endPoint} means no OCM service (unconfigured Reva);
 *   <li>{@code version} is accepted for {@code apiVersion};
 *   <li>{@code resourceTypes} may be an array or an object keyed by name; without it, a legacy
 *       top-level {@code shareTypes} array of {@code {name, protocols}} is read instead; a missing
 *       {@code shareTypes} in an entry means {@code [user]};
 *   <li>{@code endPoint}, {@code tokenEndPoint}, {@code inviteAcceptDialog} and {@code jwksUri} may
 *       be relative and are resolved against the base URL the document came from; repeated slashes
 *       in their paths are collapsed and a trailing slash is dropped from {@code endPoint};
 *   <li>historic capability and criteria spellings are normalised;
 *   <li>legacy {@code publicKey} is read with {@code keyId} or {@code id}.
 * </ul>
 *
 * <p>Members of the wrong type in optional fields are ignored rather than failing the document, and
 * an optional URL that cannot be parsed is treated as absent.
 *
 * <p>Needs a Jakarta JSON Processing implementation at run time. Thread-safe.
 */
public final class DiscoveryDocumentParser {

    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());

    /**
     * @param baseUri where the document was fetched, {@code scheme://host[:port]}; relative values
     *     are resolved against it
     * @param body the response body
     * @return the normalised document
     * @throws DiscoveryException of kind {@code NOT_JSON} if the body is not a JSON object, {@code
     *     OCM_DISABLED} if the document offers no OCM service, {@code INVALID_DOCUMENT} if {@code
     *     apiVersion} is missing or {@code endPoint} is not an http(s) URL
     */
    public PeerDiscovery parse(URI baseUri, byte[] body) {
        String provider = baseUri.getRawAuthority();
        JsonObject root = readObject(body, provider);
        requireEnabled(root, provider);
        URI endPoint = requireEndPoint(root, baseUri, provider);
        String apiVersion = requireApiVersion(root, provider);

        List<String> rawCapabilities = strings(root.get("capabilities"));
        List<String> rawCriteria = strings(root.get("criteria"));
        return new PeerDiscovery(
                baseUri,
                true,
                apiVersion,
                endPoint,
                string(root.get("provider")),
                resourceTypes(root),
                normalise(rawCapabilities, true),
                rawCapabilities,
                normalise(rawCriteria, false),
                rawCriteria,
                optionalUri(root, "inviteAcceptDialog", baseUri),
                optionalUri(root, "tokenEndPoint", baseUri),
                optionalUri(root, "jwksUri", baseUri),
                publicKey(root.get("publicKey")));
    }

    private JsonObject readObject(byte[] body, String provider) {
        JsonStructure structure;
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(body))) {
            structure = reader.read();
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            throw failure(Kind.NOT_JSON, provider, "body is not JSON", e);
        }
        if (!(structure instanceof JsonObject object)) {
            throw failure(Kind.NOT_JSON, provider, "body is JSON but not an object", null);
        }
        return object;
    }

    private static void requireEnabled(JsonObject root, String provider) {
        JsonValue enabled = root.get("enabled");
        if (enabled == JsonValue.TRUE) {
            return;
        }
        String reason =
                enabled == null
                        ? "enabled is missing"
                        : enabled == JsonValue.FALSE
                                ? "enabled is false"
                                : "enabled is not a JSON boolean (" + enabled + ")";
        throw failure(Kind.OCM_DISABLED, provider, reason, null);
    }

    private static URI requireEndPoint(JsonObject root, URI baseUri, String provider) {
        Optional<String> value = string(root.get("endPoint"));
        if (value.isEmpty()) {
            throw failure(Kind.OCM_DISABLED, provider, "endPoint is missing or empty", null);
        }
        return absolute(baseUri, value.get())
                .map(DiscoveryDocumentParser::withoutTrailingSlash)
                .orElseThrow(
                        () ->
                                failure(
                                        Kind.INVALID_DOCUMENT,
                                        provider,
                                        "endPoint '" + value.get() + "' is not an http(s) URL",
                                        null));
    }

    private static String requireApiVersion(JsonObject root, String provider) {
        return textOrNumber(root.get("apiVersion"))
                .or(() -> textOrNumber(root.get("version")))
                .orElseThrow(
                        () ->
                                failure(
                                        Kind.INVALID_DOCUMENT,
                                        provider,
                                        "apiVersion (or version) is missing",
                                        null));
    }

    private static Map<String, ResourceType> resourceTypes(JsonObject root) {
        JsonValue value = root.get("resourceTypes");
        if (value == null) {
            value = root.get("shareTypes");
        }
        Map<String, ResourceType> types = new LinkedHashMap<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject entry) {
                    string(entry.get("name")).ifPresent(name -> addType(types, name, entry));
                }
            }
        } else if (value instanceof JsonObject byName) {
            byName.forEach(
                    (name, item) -> {
                        if (item instanceof JsonObject entry) {
                            addType(types, name, entry);
                        }
                    });
        }
        return types;
    }

    private static void addType(Map<String, ResourceType> types, String name, JsonObject entry) {
        List<String> shareTypes = strings(entry.get("shareTypes"));
        Map<String, String> sends = new LinkedHashMap<>();
        Map<String, ReceiveProtocol> receives = new LinkedHashMap<>();
        if (entry.get("protocols") instanceof JsonObject protocols) {
            protocols.forEach((key, value) -> addProtocol(key, value, sends, receives));
        }
        types.putIfAbsent(
                name,
                new ResourceType(
                        name,
                        shareTypes.isEmpty() ? List.of("user") : shareTypes,
                        sends,
                        receives));
    }

    private static void addProtocol(
            String key,
            JsonValue value,
            Map<String, String> sends,
            Map<String, ReceiveProtocol> receives) {
        if (key.endsWith("-receive") && key.length() > "-receive".length()) {
            String protocol = key.substring(0, key.length() - "-receive".length());
            receives.put(protocol, new ReceiveProtocol(protocol, receiveOptions(value)));
        } else if (value instanceof JsonString path) {
            sends.put(key, path.getString());
        } else if (value instanceof JsonObject) {
            sends.put(key, "");
        }
    }

    private static Map<String, List<String>> receiveOptions(JsonValue value) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (value instanceof JsonObject object) {
            object.forEach(
                    (name, member) -> {
                        if (member instanceof JsonString text) {
                            options.put(name, List.of(text.getString()));
                        } else if (member instanceof JsonArray) {
                            options.put(name, strings(member));
                        }
                    });
        }
        return options;
    }

    private static Set<String> normalise(List<String> raw, boolean capabilities) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : raw) {
            result.add(capabilities ? Vocabulary.capability(value) : Vocabulary.criterion(value));
        }
        return result;
    }

    private static Optional<URI> optionalUri(JsonObject root, String member, URI baseUri) {
        return string(root.get(member)).flatMap(value -> absolute(baseUri, value));
    }

    private static Optional<LegacyPublicKey> publicKey(JsonValue value) {
        if (!(value instanceof JsonObject key)) {
            return Optional.empty();
        }
        Optional<String> keyId = string(key.get("keyId")).or(() -> string(key.get("id")));
        Optional<String> pem = string(key.get("publicKeyPem"));
        return keyId.isPresent() && pem.isPresent()
                ? Optional.of(new LegacyPublicKey(keyId.get(), pem.get()))
                : Optional.empty();
    }

    /**
     * Resolves a possibly relative URL against the base and tidies its path.
     *
     * @return the absolute http(s) URL, or empty if {@code value} cannot be read as one
     */
    static Optional<URI> absolute(URI baseUri, String value) {
        try {
            URI parsed = new URI(value.strip());
            URI resolved = parsed.isAbsolute() ? parsed : URI.create(baseUri + "/").resolve(parsed);
            String scheme = resolved.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || resolved.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(collapseSlashes(resolved));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static URI collapseSlashes(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/{2,}", "/");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        return URI.create(
                uri.getScheme() + "://" + uri.getRawAuthority() + path + query + fragment);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/' && uri.getRawQuery() == null) {
            end--;
        }
        return URI.create(text.substring(0, end));
    }

    private static Optional<String> string(JsonValue value) {
        return value instanceof JsonString text && !text.getString().isBlank()
                ? Optional.of(text.getString().strip())
                : Optional.empty();
    }

    private static Optional<String> textOrNumber(JsonValue value) {
        return value instanceof JsonNumber number ? Optional.of(number.toString()) : string(value);
    }

    private static List<String> strings(JsonValue value) {
        List<String> result = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString text) {
                    result.add(text.getString());
                }
            }
        }
        return result;
    }

    private static DiscoveryException failure(
            Kind kind, String provider, String reason, Throwable cause) {
        return new DiscoveryException(
                kind,
                provider,
                "Discovery document of " + provider + " rejected: " + reason,
                cause);
    }
}

package io.ocmee.share;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.OcmAddress;
import io.ocmee.share.OcmRequestException.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a received Share Creation Notification (OCM-NOTES §3.3–§3.5, checklist R90, R91, R95,
 * R96) and turns it into a {@link ShareCreationNotification}. Tolerates what deployed servers send
 * (§11): Nextcloud's {@code sharedBy}/{@code sharedByDisplayName} (Q4), the three protocol shapes
 * and an empty {@code options} beside {@code multi} (Q15), absolute and relative URIs (Q14).
 *
 * <p>Missing or malformed fields answer 400 listing every field problem; a share type other than
 * {@code user}, a resource type other than {@code file}/{@code folder}, or a share offering no
 * WebDAV access answers 501. Stateless and thread-safe.
 */
public final class ShareCreationParser {

    /** Longest resource name, in UTF-8 bytes (a file-system name). */
    public static final int MAX_NAME_BYTES = 255;

    /** Longest address, display name or provider id, in UTF-8 bytes. */
    static final int MAX_FIELD_BYTES = 1024;

    /** Longest accepted WebDAV uri, in characters. */
    static final int MAX_URI_CHARS = 2048;

    private static final String WHAT = "Share";

    private final String localAuthority;

    /**
     * @param localAuthority our provider authority, {@code host[:port]}: {@code shareWith} must
     *     name it
     */
    public ShareCreationParser(String localAuthority) {
        this.localAuthority = localAuthority;
    }

    /**
     * @param body the exact request body
     * @return the validated notification
     * @throws OcmRequestException 400 for bad input, 501 for unsupported types or protocols
     */
    public ShareCreationNotification parse(byte[] body) {
        JsonObject json = JsonBodies.object(body, WHAT);
        List<FieldError> errors = new ArrayList<>();

        Optional<OcmAddress> shareWith = address(json, "shareWith", errors);
        Optional<String> name = bounded(json, "name", MAX_NAME_BYTES, errors);
        Optional<String> providerId = bounded(json, "providerId", 255, errors);
        Optional<OcmAddress> owner = address(json, "owner", errors);
        String senderField = JsonBodies.present(json, "sender") ? "sender" : "sharedBy";
        Optional<OcmAddress> sender = address(json, senderField, errors);
        Optional<String> shareType = bounded(json, "shareType", 32, errors);
        Optional<String> resourceType = bounded(json, "resourceType", 32, errors);
        Optional<Instant> expiration = expiration(json, errors);
        Optional<JsonObject> protocol = protocol(json, errors);
        name.filter(
                        n ->
                                n.contains("/")
                                        || n.equals(".")
                                        || n.equals("..")
                                        || n.chars().anyMatch(Character::isISOControl))
                .ifPresent(n -> errors.add(new FieldError("name", "INVALID")));
        shareWith
                .filter(a -> !a.providerAuthority().equals(localAuthority))
                .ifPresent(a -> errors.add(new FieldError("shareWith", "NOT_FOUND")));
        if (!errors.isEmpty()) {
            throw new OcmRequestException(400, WHAT + " rejected: " + summary(errors), errors);
        }

        checkSupported(shareType.orElseThrow(), resourceType.orElseThrow());
        WebdavAccess webdav = webdav(protocol.orElseThrow());
        return new ShareCreationNotification(
                shareWith.orElseThrow(),
                name.orElseThrow(),
                providerId.orElseThrow(),
                owner.orElseThrow(),
                sender.orElseThrow(),
                displayName(json, "ownerDisplayName", "ownerDisplayName"),
                displayName(json, "senderDisplayName", "sharedByDisplayName"),
                shareType.orElseThrow(),
                resourceType.orElseThrow(),
                expiration,
                webdav);
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : errors) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(error.name())
                    .append(' ')
                    .append(describe(error.message()));
        }
        return text.toString();
    }

    private static String describe(String code) {
        return switch (code) {
            case "MISSING" -> "is missing";
            case "TOO_LONG" -> "is too long";
            case "NOT_FOUND" -> "names no user of this server";
            default -> "is invalid";
        };
    }

    private static Optional<String> bounded(
            JsonObject json, String field, int maxBytes, List<FieldError> errors) {
        Optional<String> value = JsonBodies.text(json, field);
        if (value.isEmpty()) {
            errors.add(new FieldError(field, missingOrInvalid(json, field)));
            return Optional.empty();
        }
        if (JsonBodies.utf8Length(value.get()) > maxBytes) {
            errors.add(new FieldError(field, "TOO_LONG"));
            return Optional.empty();
        }
        return value;
    }

    private static String missingOrInvalid(JsonObject json, String field) {
        JsonValue value = json.get(field);
        boolean blank = value instanceof JsonString text && text.getString().isBlank();
        return value == null || value == JsonValue.NULL || blank ? "MISSING" : "INVALID";
    }

    private static Optional<OcmAddress> address(
            JsonObject json, String field, List<FieldError> errors) {
        Optional<String> text = bounded(json, field, MAX_FIELD_BYTES, errors);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OcmAddress.parse(text.get()));
        } catch (InvalidOcmAddressException e) {
            errors.add(new FieldError(field, "INVALID"));
            return Optional.empty();
        }
    }

    private static Optional<String> displayName(JsonObject json, String field, String alias) {
        return JsonBodies.text(json, field)
                .or(() -> JsonBodies.text(json, alias))
                .filter(n -> JsonBodies.utf8Length(n) <= 255)
                .filter(n -> n.chars().noneMatch(Character::isISOControl));
    }

    private static Optional<Instant> expiration(JsonObject json, List<FieldError> errors) {
        JsonValue value = json.get("expiration");
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long seconds = number.longValueExact();
                if (seconds > 0 && seconds < 253_402_300_800L) {
                    return Optional.of(Instant.ofEpochSecond(seconds));
                }
            } catch (ArithmeticException e) {
                // answered below
            }
        }
        errors.add(new FieldError("expiration", "INVALID"));
        return Optional.empty();
    }

    private static Optional<JsonObject> protocol(JsonObject json, List<FieldError> errors) {
        Optional<JsonObject> protocol = JsonBodies.object(json, "protocol");
        if (protocol.isEmpty()) {
            errors.add(new FieldError("protocol", missingOrInvalid(json, "protocol")));
        } else if (JsonBodies.text(protocol.get(), "name").isEmpty()) {
            errors.add(new FieldError("protocol.name", missingOrInvalid(protocol.get(), "name")));
        }
        return protocol;
    }

    private static void checkSupported(String shareType, String resourceType) {
        if (!"user".equals(shareType)) {
            throw OcmRequestException.unsupported(
                    WHAT
                            + " rejected: share type '"
                            + printable(shareType)
                            + "' is not supported here",
                    "shareType");
        }
        if (!"file".equals(resourceType) && !"folder".equals(resourceType)) {
            throw OcmRequestException.unsupported(
                    WHAT
                            + " rejected: resource type '"
                            + printable(resourceType)
                            + "' is not supported here",
                    "resourceType");
        }
    }

    /**
     * Finds the WebDAV access in any of the three shapes (§3.4): {@code multi} or {@code webdav}
     * with a {@code webdav} object; {@code webdav} (or, as Reva does, {@code multi}) with legacy
     * {@code options.sharedSecret}. An empty {@code options} is ignored (§11 Q15).
     */
    static WebdavAccess webdav(JsonObject protocol) {
        String name = JsonBodies.text(protocol, "name").orElseThrow();
        if (!"multi".equals(name) && !"webdav".equals(name)) {
            throw OcmRequestException.unsupported(
                    WHAT
                            + " rejected: protocol '"
                            + printable(name)
                            + "' is not supported here; offer webdav",
                    "protocol.name");
        }
        Optional<JsonObject> webdav = JsonBodies.object(protocol, "webdav");
        if (webdav.isPresent()) {
            return fromObject(
                    webdav.get(), "multi".equals(name) ? ProtocolShape.MULTI : ProtocolShape.NAMED);
        }
        Optional<JsonObject> options = JsonBodies.object(protocol, "options");
        if (options.isPresent() && JsonBodies.present(options.get(), "sharedSecret")) {
            return fromOptions(options.get());
        }
        if ("multi".equals(name)
                && protocol.keySet().stream()
                        .anyMatch(k -> !k.equals("name") && !k.equals("options"))) {
            throw OcmRequestException.unsupported(
                    WHAT
                            + " rejected: none of the offered protocols is supported here; offer"
                            + " webdav",
                    "protocol");
        }
        throw OcmRequestException.invalid(
                WHAT + " rejected: protocol has no webdav access with a sharedSecret",
                "protocol.webdav",
                "MISSING");
    }

    private static WebdavAccess fromObject(JsonObject webdav, ProtocolShape shape) {
        String field = "protocol.webdav";
        String secret = secret(webdav, field);
        Optional<String> uri = JsonBodies.string(webdav, "uri");
        if (uri.isEmpty()) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: " + field + ".uri is missing", field + ".uri", "MISSING");
        }
        checkUri(uri.get(), field + ".uri");
        return new WebdavAccess(
                shape,
                uri,
                secret,
                permissions(webdav.get("permissions"), field + ".permissions"),
                requirements(webdav.get("requirements"), field + ".requirements"));
    }

    private static WebdavAccess fromOptions(JsonObject options) {
        String field = "protocol.options";
        String secret = secret(options, field);
        JsonValue permissions = options.get("permissions");
        Set<Permissions> granted =
                permissions instanceof JsonString text
                        ? Permissions.fromText(text.getString())
                        : permissions instanceof JsonArray
                                ? permissions(permissions, field + ".permissions")
                                : EnumSet.noneOf(Permissions.class);
        return new WebdavAccess(ProtocolShape.OPTIONS, Optional.empty(), secret, granted, Set.of());
    }

    private static String secret(JsonObject holder, String field) {
        Optional<String> secret = JsonBodies.text(holder, "sharedSecret");
        if (secret.isEmpty()) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: " + field + ".sharedSecret is missing",
                    field + ".sharedSecret",
                    "MISSING");
        }
        if (secret.get().length() > MAX_FIELD_BYTES
                || secret.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: " + field + ".sharedSecret is not a printable token",
                    field + ".sharedSecret",
                    "INVALID");
        }
        return secret.get();
    }

    private static void checkUri(String uri, String field) {
        boolean bad =
                uri.length() > MAX_URI_CHARS
                        || uri.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)
                        || (uri.contains("://")
                                && !uri.startsWith("https://")
                                && !uri.startsWith("http://"));
        if (bad) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: " + field + " is not a usable URI", field, "INVALID");
        }
    }

    private static Set<Permissions> permissions(JsonValue value, String field) {
        Set<Permissions> granted = EnumSet.noneOf(Permissions.class);
        if (value == null || value == JsonValue.NULL) {
            return granted;
        }
        if (!(value instanceof JsonArray array)) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: " + field + " is not a list", field, "INVALID");
        }
        for (JsonValue item : array) {
            Optional<Permissions> permission =
                    item instanceof JsonString text
                            ? Permissions.of(text.getString())
                            : Optional.empty();
            if (permission.isEmpty()) {
                throw OcmRequestException.invalid(
                        WHAT + " rejected: " + field + " may hold only read, write and share",
                        field,
                        "INVALID");
            }
            granted.add(permission.get());
        }
        return granted;
    }

    /** Echoes peer text into messages only when short and printable. */
    private static String printable(String text) {
        boolean plain = text.length() <= 64 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return plain ? text : "(unprintable)";
    }

    private static Set<String> requirements(JsonValue value, String field) {
        Set<String> requirements = new LinkedHashSet<>();
        if (value == null || value == JsonValue.NULL) {
            return requirements;
        }
        if (!(value instanceof JsonArray array)) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: " + field + " is not a list", field, "INVALID");
        }
        for (JsonValue item : array) {
            String requirement = item instanceof JsonString text ? text.getString() : "";
            if (!"must-exchange-token".equals(requirement)) {
                throw OcmRequestException.invalid(
                        WHAT
                                + " rejected: requirement '"
                                + printable(requirement)
                                + "' cannot be fulfilled by this server",
                        field,
                        "UNSUPPORTED");
            }
            requirements.add(requirement);
        }
        return requirements;
    }
}

package io.ocmee.invite;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.share.OcmRequestException;
import io.ocmee.share.OcmRequestException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Invite Acceptance Request, {@code POST {endPoint}/invite-accepted} (OCM-NOTES §5.3), as this
 * server reads it: {@code userId} is taken for {@code userID} (§11 Q26), a {@code userID} qualified
 * with the receiver's own server is reduced to the bare id (§11 Q21), and a missing {@code email}
 * or {@code name} is tolerated (the name then defaults to the id).
 *
 * @param recipientProvider wire {@code recipientProvider}: the Invite Receiver's server
 * @param token wire {@code token}: the Invite Token
 * @param userId wire {@code userID}: the receiver's identifier at their server, normalised
 * @param email wire {@code email}, if given
 * @param name wire {@code name}: display name suggestion
 */
public record InviteAcceptance(
        ProviderHost recipientProvider,
        String token,
        String userId,
        Optional<String> email,
        String name) {

    static final int MAX_TOKEN = 512;
    static final int MAX_USER_ID = 1024;
    static final int MAX_EMAIL = 320;
    static final int MAX_NAME = 255;

    /**
     * @param body the exact request body
     * @return the request
     * @throws OcmRequestException 400 listing every missing or invalid field
     */
    public static InviteAcceptance parse(byte[] body) {
        JsonObject json = object(body);
        List<FieldError> errors = new ArrayList<>();
        ProviderHost provider = provider(json, errors);
        String token = text(json, "token", "token", MAX_TOKEN, true, errors);
        String userId =
                json.containsKey("userID") || !json.containsKey("userId")
                        ? text(json, "userID", "userID", MAX_USER_ID, true, errors)
                        : text(json, "userId", "userID", MAX_USER_ID, true, errors);
        String email = text(json, "email", "email", MAX_EMAIL, false, errors);
        String name = text(json, "name", "name", MAX_NAME, false, errors);
        if (!errors.isEmpty()) {
            throw new OcmRequestException(
                    400,
                    "Invite acceptance rejected: " + errors.size() + " field(s) missing or invalid",
                    errors);
        }
        String bare = UserIds.normalise(userId, provider);
        return new InviteAcceptance(
                provider,
                token,
                bare,
                Optional.ofNullable(email).filter(e -> !e.isBlank()),
                name == null || name.isBlank() ? clip(bare) : name);
    }

    private static String clip(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }

    private static JsonObject object(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            if (reader.readValue() instanceof JsonObject json) {
                return json;
            }
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            // answered below
        }
        throw OcmRequestException.invalid(
                "Invite acceptance rejected: the body is not a JSON object", "body", "INVALID");
    }

    private static ProviderHost provider(JsonObject json, List<FieldError> errors) {
        String value = text(json, "recipientProvider", "recipientProvider", 300, true, errors);
        if (value == null) {
            return null;
        }
        try {
            return ProviderHost.parse(value);
        } catch (InvalidOcmAddressException e) {
            errors.add(new FieldError("recipientProvider", "INVALID"));
            return null;
        }
    }

    private static String text(
            JsonObject json,
            String wire,
            String reported,
            int max,
            boolean required,
            List<FieldError> errors) {
        JsonValue value = json.get(wire);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(reported, "MISSING"));
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(reported, "INVALID"));
            return null;
        }
        String text = string.getString();
        if (required && text.isBlank()) {
            errors.add(new FieldError(reported, "MISSING"));
            return null;
        }
        if (text.length() > max) {
            errors.add(new FieldError(reported, "TOO_LONG"));
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(reported, "INVALID"));
            return null;
        }
        return text;
    }
}

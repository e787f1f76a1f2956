package io.ocmee.share;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reading JSON bodies of peers defensively: wrong types are absent values, never exceptions. */
public final class JsonBodies {

    private JsonBodies() {}

    /**
     * @param body the exact request body
     * @param what the message subject, e.g. {@code Share}
     * @return the body as a JSON object
     * @throws OcmRequestException 400 if it is not one
     */
    public static JsonObject object(byte[] body, String what) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            // answered below
        }
        throw new OcmRequestException(
                400, what + " rejected: the body is not a JSON object", List.of());
    }

    /**
     * @return the member if it is an object
     */
    public static Optional<JsonObject> object(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    }

    /**
     * @return the member if it is a string (possibly empty)
     */
    public static Optional<String> string(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        return value instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    /**
     * @return the member if it is a non-blank string
     */
    public static Optional<String> text(JsonObject json, String name) {
        return string(json, name).filter(s -> !s.isBlank());
    }

    /**
     * @return whether the member is present with any value (including {@code null})
     */
    public static boolean present(JsonObject json, String name) {
        return json != null && json.containsKey(name);
    }

    /**
     * @return the number of UTF-8 bytes of {@code text}
     */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

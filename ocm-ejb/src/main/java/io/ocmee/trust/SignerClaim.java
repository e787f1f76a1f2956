package io.ocmee.trust;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.OcmAddress;
import io.ocmee.address.ProviderHost;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where an inbound OCM request says which server sent it, so that the signer's keys can be looked
 * up (OCM-NOTES §7.3 step 4) and the payload checked against the verified signer (step 6).
 */
public enum SignerClaim {
    /** A share creation notification: the host of {@code sender} (Nextcloud: {@code sharedBy}). */
    SHARE {
        @Override
        Optional<ProviderHost> claimed(byte[] body) {
            Optional<JsonObject> json = json(body);
            return addressHost(json, "sender").or(() -> addressHost(json, "sharedBy"));
        }
    },
    /** A notification: {@code senderDomain} (ED-2026-08); legacy ones carry none. */
    NOTIFICATION {
        @Override
        Optional<ProviderHost> claimed(byte[] body) {
            return hostField(json(body), "senderDomain");
        }
    },
    /** An invite acceptance: {@code recipientProvider}. */
    INVITE_ACCEPTANCE {
        @Override
        Optional<ProviderHost> claimed(byte[] body) {
            return hostField(json(body), "recipientProvider");
        }
    },
    /** A token request (form-encoded): {@code client_id}. */
    TOKEN_REQUEST {
        @Override
        Optional<ProviderHost> claimed(byte[] body) {
            String form = new String(body, StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && "client_id".equals(decode(pair.substring(0, eq)))) {
                    return host(decode(pair.substring(eq + 1)));
                }
            }
            return Optional.empty();
        }
    };

    /**
     * @param body the exact request body
     * @return the server the payload names as its sender, or empty when it names none or the body
     *     cannot be read (the endpoint reports malformed bodies itself)
     */
    abstract Optional<ProviderHost> claimed(byte[] body);

    /**
     * @param body the exact body of a notification
     * @return its legacy {@code notification.sharedSecret} (Nextcloud, OCM-NOTES §11 Q8), if any
     */
    static Optional<String> legacySecret(byte[] body) {
        return json(body)
                .map(o -> o.get("notification"))
                .filter(v -> v instanceof JsonObject)
                .map(v -> ((JsonObject) v).get("sharedSecret"))
                .filter(v -> v instanceof JsonString)
                .map(v -> ((JsonString) v).getString())
                .filter(s -> !s.isBlank());
    }

    private static Optional<JsonObject> json(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            return Optional.empty();
        }
    }

    private static Optional<String> text(Optional<JsonObject> json, String field) {
        return json.map(o -> o.get(field))
                .filter(v -> v instanceof JsonString)
                .map(v -> ((JsonString) v).getString());
    }

    private static Optional<ProviderHost> addressHost(Optional<JsonObject> json, String field) {
        return text(json, field)
                .flatMap(
                        value -> {
                            try {
                                return Optional.of(OcmAddress.parse(value).provider());
                            } catch (InvalidOcmAddressException e) {
                                return Optional.empty();
                            }
                        });
    }

    private static Optional<ProviderHost> hostField(Optional<JsonObject> json, String field) {
        return text(json, field).flatMap(SignerClaim::host);
    }

    private static Optional<ProviderHost> host(String value) {
        try {
            return Optional.of(ProviderHost.parse(value));
        } catch (InvalidOcmAddressException e) {
            return Optional.empty();
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}

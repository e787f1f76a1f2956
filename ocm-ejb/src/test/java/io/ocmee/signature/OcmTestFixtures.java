package io.ocmee.signature;

import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys, clocks and a recording key resolver for the OCM profile tests. */
final class OcmTestFixtures {

    static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final URI TARGET = URI.create("https://receiver.example.org/ocm/shares");
    static final byte[] BODY = body();

    private static final Map<SignatureAlgorithm, GeneratedKey> KEYS =
            new EnumMap<>(SignatureAlgorithm.class);

    private OcmTestFixtures() {}

    /** Generated once per algorithm and shared: immutable, and RSA generation is slow. */
    static synchronized GeneratedKey key(SignatureAlgorithm algorithm) {
        return KEYS.computeIfAbsent(
                algorithm,
                a ->
                        OcmKeys.generate(
                                a, "https://sender.example.net/ocm#" + a.name().toLowerCase()));
    }

    static SigningKey signingKey(SignatureAlgorithm algorithm) {
        GeneratedKey key = key(algorithm);
        return new SigningKey(key.keyPair().getPrivate(), key.keyId(), algorithm);
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static HttpMessage request(String method, URI target, HeaderFields signed) {
        HeaderFields fields =
                signed.contains("Host")
                        ? HeaderFields.builder()
                                .add("Content-Type", "application/json")
                                .addAll(signed)
                                .build()
                        : HeaderFields.builder()
                                .add("Host", target.getRawAuthority())
                                .add("Content-Type", "application/json")
                                .addAll(signed)
                                .build();
        return HttpMessage.request(method, target, fields);
    }

    /** A share-creation body of about 400 bytes. */
    private static byte[] body() {
        String json =
                "{\"shareWith\":\"bob@receiver.example.org\",\"name\":\"Quarterly"
                    + " report.pdf\",\"providerId\":\"7c084226-d9a1-11e6-bf26-cec0c932ce01\","
                    + "\"owner\":\"alice@sender.example.net\",\"sender\":\"alice@sender.example.net\","
                    + "\"ownerDisplayName\":\"Alice\",\"shareType\":\"user\","
                    + "\"resourceType\":\"file\",\"protocol\":{\"name\":\"webdav\",\"webdav\":{\"uri\":"
                    + "\"7c084226-d9a1-11e6-bf26-cec0c932ce01\",\"sharedSecret\":\"hfiuhworzwnur98d3wjiwhr\","
                    + "\"permissions\":[\"read\"]}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A resolver over a fixed map that records each call. */
    static final class RecordingResolver implements KeyResolver {
        private final Map<String, ResolvedKey> keys = new HashMap<>();
        private final Map<String, ResolvedKey> afterRefresh = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        RecordingResolver with(String keyId, ResolvedKey key) {
            keys.put(keyId, key);
            return this;
        }

        RecordingResolver withAfterRefresh(String keyId, ResolvedKey key) {
            afterRefresh.put(keyId, key);
            return this;
        }

        RecordingResolver with(GeneratedKey key) {
            return with(key.keyId(), ResolvedKey.fromJwk(key.publicJwk()));
        }

        @Override
        public Optional<ResolvedKey> resolve(
                String keyId, boolean refresh, SignatureScheme scheme) {
            calls.add(keyId + (refresh ? " (refresh)" : ""));
            ResolvedKey key = keys.get(keyId);
            if (key == null && refresh) {
                key = afterRefresh.get(keyId);
            }
            return Optional.ofNullable(key);
        }
    }
}

package io.ocmee.signature.jwk;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A peer's JWK Set indexed by {@code kid}, as a verifier needs it (OCM-NOTES §7.3 step 4). Keys
 * without a {@code kid} cannot be referenced by a signature and are left out.
 *
 * @param keys the keys by {@code kid}, in document order
 */
public record JwkSetIndex(Map<String, JWK> keys) {

    public JwkSetIndex {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /**
     * @param json the JWK Set document
     * @return the index
     * @throws KeyFormatException if the document is not a JWK Set, or two keys share a {@code kid}
     */
    public static JwkSetIndex parse(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new KeyFormatException(
                    "Key rejected: not a valid JWK Set (" + e.getMessage() + ")", e);
        }
        Map<String, JWK> byId = new LinkedHashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyID() != null && byId.put(jwk.getKeyID(), jwk.toPublicJWK()) != null) {
                throw new KeyFormatException(
                        "Key rejected: the JWK Set has two keys with kid '" + jwk.getKeyID() + "'");
            }
        }
        return new JwkSetIndex(byId);
    }

    /**
     * @param keyId a {@code kid}, compared exactly
     * @return the public JWK, or empty if the set has none with this {@code kid}
     */
    public Optional<JWK> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }
}

package io.ocmee.signature.sf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ordered parameters of an item or inner list (RFC 8941 §3.1.2). Order is significant: it is kept
 * exactly as parsed or as added, because the serialisation of signature parameters is signed.
 *
 * @param values the parameters by key, in order; a boolean {@code true} serialises as the bare key
 */
public record Parameters(Map<String, BareItem> values) {

    /** Parameters with no members. */
    public static final Parameters EMPTY = new Parameters(Map.of());

    /**
     * @throws StructuredFieldException if a key is not a valid RFC 8941 key
     */
    public Parameters {
        values.keySet().forEach(Parameters::requireKey);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @return a builder that keeps insertion order
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param key a parameter key
     * @return the value, or empty if absent
     */
    public Optional<BareItem> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @return whether there are no parameters
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * @return the RFC 8941 §4.1.1.2 serialisation, for example {@code ;created=1;keyid="k"}
     */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        values.forEach(
                (key, value) -> {
                    out.append(';').append(key);
                    if (!(value instanceof BareItem.SfBoolean b && b.value())) {
                        out.append('=').append(value.serialize());
                    }
                });
        return out.toString();
    }

    static void requireKey(String key) {
        if (!Characters.isKey(key)) {
            throw new StructuredFieldException(
                    "Structured field rejected: '" + key + "' is not a valid key", -1);
        }
    }

    /** Collects parameters in insertion order; a repeated key replaces the earlier value. */
    public static final class Builder {
        private final Map<String, BareItem> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param key a valid key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, BareItem value) {
            values.put(key, value);
            return this;
        }

        /**
         * @return a convenience for an sf-string value
         */
        public Builder putString(String key, String value) {
            return put(key, new BareItem.SfString(value));
        }

        /**
         * @return a convenience for an sf-integer value
         */
        public Builder putInteger(String key, long value) {
            return put(key, new BareItem.SfInteger(value));
        }

        /**
         * @return the immutable parameters
         */
        public Parameters build() {
            return new Parameters(values);
        }
    }
}

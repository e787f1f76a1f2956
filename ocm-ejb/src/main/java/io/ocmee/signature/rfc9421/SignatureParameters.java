package io.ocmee.signature.rfc9421;

import io.ocmee.signature.sf.BareItem;
import io.ocmee.signature.sf.InnerList;
import io.ocmee.signature.sf.Item;
import io.ocmee.signature.sf.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The value of one {@code Signature-Input} member (RFC 9421 §2.3, §4.1): the ordered covered
 * components and the signature parameters {@code created}, {@code expires}, {@code nonce}, {@code
 * alg}, {@code keyid}, {@code tag}.
 *
 * <p>The inner list is kept exactly as parsed (order of components and of parameters), because its
 * serialisation is the {@code "@signature-params"} line that was signed.
 *
 * @param innerList the inner list as parsed or built
 */
public record SignatureParameters(InnerList innerList) {

    /**
     * @throws MalformedSignatureException if a component is not a valid identifier or is repeated,
     *     or a known parameter has the wrong type ({@code created}/{@code expires} must be
     *     integers, the others strings)
     */
    public SignatureParameters {
        requireDistinct(toComponents(innerList));
        requireType(innerList.parameters(), "created", BareItem.SfInteger.class);
        requireType(innerList.parameters(), "expires", BareItem.SfInteger.class);
        for (String key : List.of("nonce", "alg", "keyid", "tag")) {
            requireType(innerList.parameters(), key, BareItem.SfString.class);
        }
    }

    /**
     * @return a builder; components and parameters are serialised in the order added
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the covered components, in signed order
     */
    public List<ComponentIdentifier> components() {
        return toComponents(innerList);
    }

    /**
     * @return {@code created}, if present
     */
    public Optional<Instant> created() {
        return integer("created").map(Instant::ofEpochSecond);
    }

    /**
     * @return {@code expires}, if present
     */
    public Optional<Instant> expires() {
        return integer("expires").map(Instant::ofEpochSecond);
    }

    /**
     * @return {@code keyid}, if present
     */
    public Optional<String> keyId() {
        return string("keyid");
    }

    /**
     * @return {@code alg}, if present
     */
    public Optional<String> algorithm() {
        return string("alg");
    }

    /**
     * @return {@code tag}, if present
     */
    public Optional<String> tag() {
        return string("tag");
    }

    /**
     * @return {@code nonce}, if present
     */
    public Optional<String> nonce() {
        return string("nonce");
    }

    /**
     * @param name a component name without parameters
     * @return whether a component of this name (with any parameters) is covered
     */
    public boolean covers(String name) {
        return components().stream().anyMatch(c -> c.name().equals(name));
    }

    /**
     * @return the serialisation that ends the signature base and is sent in Signature-Input
     */
    public String serialize() {
        return innerList.serialize();
    }

    private Optional<Long> integer(String key) {
        return innerList.parameters().get(key).map(v -> ((BareItem.SfInteger) v).value());
    }

    private Optional<String> string(String key) {
        return innerList.parameters().get(key).map(v -> ((BareItem.SfString) v).value());
    }

    private static List<ComponentIdentifier> toComponents(InnerList list) {
        return list.items().stream().map(ComponentIdentifier::fromItem).toList();
    }

    private static void requireDistinct(List<ComponentIdentifier> components) {
        Set<ComponentIdentifier> seen = new HashSet<>();
        for (ComponentIdentifier component : components) {
            if (!seen.add(component)) {
                throw new MalformedSignatureException(
                        "Signature rejected: component "
                                + component.serialize()
                                + " is covered twice");
            }
        }
    }

    private static void requireType(Parameters parameters, String key, Class<?> type) {
        Optional<BareItem> value = parameters.get(key);
        if (value.isPresent() && !type.isInstance(value.get())) {
            throw new MalformedSignatureException(
                    "Signature rejected: signature parameter '"
                            + key
                            + "' must be "
                            + (type == BareItem.SfInteger.class ? "an Integer" : "a String"));
        }
    }

    /** Builds signature parameters in the order of the calls. Not thread-safe. */
    public static final class Builder {
        private final List<Item> items = new ArrayList<>();
        private final Parameters.Builder parameters = Parameters.builder();

        private Builder() {}

        /**
         * @return this builder, with a component without parameters added
         */
        public Builder component(String name) {
            return component(ComponentIdentifier.of(name));
        }

        /**
         * @return this builder, with the component added
         */
        public Builder component(ComponentIdentifier component) {
            items.add(component.toItem());
            return this;
        }

        /**
         * @return this builder, with {@code created} set to whole seconds of the instant
         */
        public Builder created(Instant created) {
            parameters.putInteger("created", created.getEpochSecond());
            return this;
        }

        /**
         * @return this builder, with {@code expires} set
         */
        public Builder expires(Instant expires) {
            parameters.putInteger("expires", expires.getEpochSecond());
            return this;
        }

        /**
         * @return this builder, with {@code keyid} set
         */
        public Builder keyId(String keyId) {
            parameters.putString("keyid", keyId);
            return this;
        }

        /**
         * @return this builder, with {@code alg} set
         */
        public Builder algorithm(String algorithm) {
            parameters.putString("alg", algorithm);
            return this;
        }

        /**
         * @return this builder, with {@code nonce} set
         */
        public Builder nonce(String nonce) {
            parameters.putString("nonce", nonce);
            return this;
        }

        /**
         * @return this builder, with {@code tag} set
         */
        public Builder tag(String tag) {
            parameters.putString("tag", tag);
            return this;
        }

        /**
         * @return the parameters
         * @throws MalformedSignatureException if a component is repeated
         */
        public SignatureParameters build() {
            return new SignatureParameters(new InnerList(items, parameters.build()));
        }
    }
}

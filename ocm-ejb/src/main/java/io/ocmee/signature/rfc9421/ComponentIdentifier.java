package io.ocmee.signature.rfc9421;

import io.ocmee.signature.sf.BareItem;
import io.ocmee.signature.sf.Item;
import io.ocmee.signature.sf.Parameters;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A covered component (RFC 9421 §2): a lower-case field name or a derived component name starting
 * with {@code @}, plus parameters ({@code sf}, {@code key}, {@code bs}, {@code req}, {@code name}).
 *
 * @param name the component name, for example {@code content-digest} or {@code @method}
 * @param parameters the component parameters, in order
 */
public record ComponentIdentifier(String name, Parameters parameters) {

    private static final Set<String> FIELD_PARAMETERS = Set.of("sf", "key", "bs", "req");
    private static final Set<String> DERIVED_PARAMETERS = Set.of("req", "name");

    /**
     * @throws MalformedSignatureException if the name or a parameter is not allowed
     */
    public ComponentIdentifier {
        requireValidName(name);
        requireAllowedParameters(name, parameters);
    }

    /**
     * @param name a component name without parameters
     * @return the identifier
     * @throws MalformedSignatureException if the name is not valid
     */
    public static ComponentIdentifier of(String name) {
        return new ComponentIdentifier(name, Parameters.EMPTY);
    }

    /**
     * @param item an item of the covered-components inner list
     * @return the identifier
     * @throws MalformedSignatureException if the item is not an sf-string or is invalid
     */
    public static ComponentIdentifier fromItem(Item item) {
        if (!(item.value() instanceof BareItem.SfString string)) {
            throw new MalformedSignatureException(
                    "Signature rejected: a covered component must be a String, got "
                            + item.serialize());
        }
        return new ComponentIdentifier(string.value(), item.parameters());
    }

    /**
     * @return whether this is a derived component ({@code @…})
     */
    public boolean isDerived() {
        return name.startsWith("@");
    }

    /**
     * @param key a parameter key
     * @return whether the parameter is present (as any value other than {@code ?0})
     */
    public boolean has(String key) {
        return parameters
                .get(key)
                .map(v -> !(v instanceof BareItem.SfBoolean b) || b.value())
                .orElse(false);
    }

    /**
     * @param key a parameter key whose value must be a string ({@code key}, {@code name})
     * @return the string value, or empty if absent
     * @throws MalformedSignatureException if present but not a string
     */
    public Optional<String> stringParameter(String key) {
        Optional<BareItem> value = parameters.get(key);
        if (value.isPresent() && !(value.get() instanceof BareItem.SfString)) {
            throw new MalformedSignatureException(
                    "Signature rejected: parameter '"
                            + key
                            + "' of "
                            + serialize()
                            + " must be a String");
        }
        return value.map(v -> ((BareItem.SfString) v).value());
    }

    /**
     * @return the item this identifier serialises to
     */
    public Item toItem() {
        return new Item(new BareItem.SfString(name), parameters);
    }

    /**
     * @return the serialisation used in the signature base, for example {@code
     *     "@query-param";name="Pet"}
     */
    public String serialize() {
        return toItem().serialize();
    }

    private static void requireValidName(String name) {
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new MalformedSignatureException(
                    "Signature rejected: component name '"
                            + name
                            + "' must be non-empty lower case");
        }
        if (name.equals("@signature-params")) {
            throw new MalformedSignatureException(
                    "Signature rejected: \"@signature-params\" cannot be a covered component");
        }
    }

    private static void requireAllowedParameters(String name, Parameters parameters) {
        Set<String> allowed = name.startsWith("@") ? DERIVED_PARAMETERS : FIELD_PARAMETERS;
        for (String key : parameters.values().keySet()) {
            if (!allowed.contains(key)) {
                throw new MalformedSignatureException(
                        "Signature rejected: component '"
                                + name
                                + "' has unsupported parameter '"
                                + key
                                + "'");
            }
        }
        if (parameters.get("name").isPresent() && !name.equals("@query-param")) {
            throw new MalformedSignatureException(
                    "Signature rejected: only \"@query-param\" takes a 'name' parameter");
        }
    }
}

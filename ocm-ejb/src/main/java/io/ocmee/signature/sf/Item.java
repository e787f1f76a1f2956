package io.ocmee.signature.sf;

/**
 * An item: a bare item with parameters (RFC 8941 §3.3).
 *
 * @param value the bare item
 * @param parameters its parameters, possibly {@link Parameters#EMPTY}
 */
public record Item(BareItem value, Parameters parameters) implements Member {

    /**
     * @return an item without parameters
     */
    public static Item of(BareItem value) {
        return new Item(value, Parameters.EMPTY);
    }

    @Override
    public String serialize() {
        return value.serialize() + parameters.serialize();
    }
}

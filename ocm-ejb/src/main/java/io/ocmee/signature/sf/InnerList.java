package io.ocmee.signature.sf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An inner list: a parenthesised, space-separated list of items with parameters of its own (RFC
 * 8941 §3.1.1). RFC 9421 writes the covered components and signature parameters as one.
 *
 * @param items the items, in order
 * @param parameters the parameters after the closing parenthesis
 */
public record InnerList(List<Item> items, Parameters parameters) implements Member {

    public InnerList {
        items = List.copyOf(items);
    }

    @Override
    public String serialize() {
        return items.stream().map(Item::serialize).collect(Collectors.joining(" ", "(", ")"))
                + parameters.serialize();
    }
}

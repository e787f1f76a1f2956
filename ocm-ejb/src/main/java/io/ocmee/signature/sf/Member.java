package io.ocmee.signature.sf;

/**
 * A member of a List or a Dictionary: either an {@link Item} or an {@link InnerList} (RFC 8941
 * §3.1, §3.2).
 */
public sealed interface Member permits Item, InnerList {

    /**
     * @return the parameters attached to this member
     */
    Parameters parameters();

    /**
     * @return the RFC 8941 §4.1 serialisation of this member
     */
    String serialize();
}

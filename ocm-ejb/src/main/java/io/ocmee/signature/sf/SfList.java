package io.ocmee.signature.sf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A top-level List (RFC 8941 §3.1).
 *
 * @param members the members, in order
 */
public record SfList(List<Member> members) {

    public SfList {
        members = List.copyOf(members);
    }

    /**
     * @return the RFC 8941 §4.1.1 serialisation; members separated by {@code ", "}
     */
    public String serialize() {
        return members.stream().map(Member::serialize).collect(Collectors.joining(", "));
    }
}

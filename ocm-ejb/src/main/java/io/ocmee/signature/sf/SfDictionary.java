package io.ocmee.signature.sf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A top-level Dictionary (RFC 8941 §3.2), ordered as parsed or built.
 *
 * @param members members by key, in order
 */
public record SfDictionary(Map<String, Member> members) {

    /**
     * @throws StructuredFieldException if a key is not a valid RFC 8941 key
     */
    public SfDictionary {
        members.keySet().forEach(Parameters::requireKey);
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /**
     * @return a dictionary with one member
     */
    public static SfDictionary of(String key, Member member) {
        return new SfDictionary(Map.of(key, member));
    }

    /**
     * @param key a member key
     * @return the member, or empty if absent
     */
    public Optional<Member> get(String key) {
        return Optional.ofNullable(members.get(key));
    }

    /**
     * @return the RFC 8941 §4.1.2 serialisation; members separated by {@code ", "}, a boolean
     *     {@code true} item written as the bare key
     */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        members.forEach(
                (key, member) -> {
                    if (out.length() > 0) {
                        out.append(", ");
                    }
                    out.append(key);
                    if (member instanceof Item item
                            && item.value() instanceof BareItem.SfBoolean b
                            && b.value()) {
                        out.append(item.parameters().serialize());
                    } else {
                        out.append('=').append(member.serialize());
                    }
                });
        return out.toString();
    }
}

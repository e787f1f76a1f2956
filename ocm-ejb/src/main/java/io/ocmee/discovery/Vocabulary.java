package io.ocmee.discovery;

import java.util.Map;

/**
 * Maps historic capability and criteria spellings to the current ones (notes §2.4, §2.5, §11 Q28).
 * Comparison is case-sensitive; unknown values are kept as published.
 */
final class Vocabulary {

    private static final Map<String, String> CAPABILITY_ALIASES =
            Map.of(
                    "invite-accepted", "invites",
                    "receive-code", "exchange-token");

    private static final Map<String, String> CRITERIA_ALIASES =
            Map.of(
                    "http-request-signatures", "must-use-http-sig",
                    "token-exchange", "must-exchange-token",
                    "code", "must-exchange-token",
                    "invite", "must-invite");

    private Vocabulary() {}

    /**
     * @param raw a published capability, e.g. {@code /invite-accepted}
     * @return the current name, e.g. {@code invites}; a leading {@code /} (1.1 path style) is
     *     dropped first
     */
    static String capability(String raw) {
        String name = raw.startsWith("/") ? raw.substring(1) : raw;
        return CAPABILITY_ALIASES.getOrDefault(name, name);
    }

    /**
     * @param raw a published criterion, e.g. {@code http-request-signatures}
     * @return the current name, e.g. {@code must-use-http-sig}
     */
    static String criterion(String raw) {
        return CRITERIA_ALIASES.getOrDefault(raw, raw);
    }
}

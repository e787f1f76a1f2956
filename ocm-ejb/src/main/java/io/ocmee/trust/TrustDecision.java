package io.ocmee.trust;

/**
 * How far this server trusts another one right now, and why (OCM-NOTES §9.1): the administrator's
 * decision for that server wins, then the deny list, then the allow list, then an accepted invite;
 * anything else is unknown.
 *
 * @param state trusted, blocked or unknown
 * @param source what decided it, or {@code null} for unknown
 * @param reason a short human explanation, e.g. "on the deny list (ocm.trust.deny)"
 */
public record TrustDecision(TrustState state, TrustSource source, String reason) {

    /**
     * @return whether requests from and to that server are refused
     */
    public boolean blocked() {
        return state == TrustState.BLOCKED;
    }

    /**
     * @return whether that server is trusted
     */
    public boolean trusted() {
        return state == TrustState.TRUSTED;
    }
}

package io.ocmee.discovery;

import java.util.Objects;

/**
 * Discovery of a peer failed, or its document says it offers no OCM service. The {@link Kind} says
 * which; the message says why and names the provider.
 */
public final class DiscoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How discovery failed. */
    public enum Kind {
        /** No connection could be made, or the exchange broke. */
        UNREACHABLE,
        /** The peer did not answer completely within the timeout. */
        TIMEOUT,
        /** The document is larger than the response-size cap. */
        TOO_LARGE,
        /** The body is not a JSON object. */
        NOT_JSON,
        /** The JSON lacks what every document needs ({@code apiVersion}) or has a bad value. */
        INVALID_DOCUMENT,
        /** {@code enabled} is not {@code true}, or {@code endPoint} is missing or empty. */
        OCM_DISABLED,
        /** The peer's addresses or scheme are refused by the outbound address policy. */
        ADDRESS_REFUSED,
        /** The peer answered with a non-2xx status or an off-authority redirect. */
        HTTP_ERROR
    }

    private final Kind kind;
    private final String provider;

    /**
     * @param kind how discovery failed
     * @param provider the provider ({@code host[:port]}) being discovered
     * @param message why, in the house wording
     * @param cause underlying failure, or {@code null}
     */
    public DiscoveryException(Kind kind, String provider, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * @return how discovery failed
     */
    public Kind kind() {
        return kind;
    }

    /**
     * @return the provider ({@code host[:port]}) that was being discovered
     */
    public String provider() {
        return provider;
    }
}

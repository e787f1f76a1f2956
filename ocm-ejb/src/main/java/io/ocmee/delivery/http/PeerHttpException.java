package io.ocmee.delivery.http;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A call to a peer failed. The {@link Kind} says how; the message says why and names the target's
 * authority ({@code scheme://host[:port]}) but never its path or query, which may carry secrets.
 */
public final class PeerHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How a call to a peer failed. */
    public enum Kind {
        /** The target resolves to an address the {@link AddressPolicy} refuses. */
        ADDRESS_REFUSED,
        /** The URL's scheme is not {@code https} (or {@code http} where allowed). */
        SCHEME_REFUSED,
        /** The name did not resolve, or no connection (TCP or TLS) could be opened. */
        CONNECT_FAILED,
        /** The connect or request timeout elapsed. */
        TIMEOUT,
        /** The response body is larger than the configured cap. */
        TOO_LARGE,
        /** A redirect leaves the authority, changes the method, or exceeds the redirect limit. */
        REDIRECT_REFUSED,
        /** The peer answered with a status the caller did not accept; see {@link #status()}. */
        HTTP_STATUS,
        /** The exchange broke after connecting (reset, protocol error, interruption). */
        IO_FAILED
    }

    private final Kind kind;
    private final String authority;
    private final int status;

    /**
     * @param kind how the call failed
     * @param authority {@code scheme://host[:port]} of the target
     * @param message why, in the house wording
     * @param cause underlying failure, or {@code null}
     */
    public PeerHttpException(Kind kind, String authority, String message, Throwable cause) {
        this(kind, authority, -1, message, cause);
    }

    private PeerHttpException(
            Kind kind, String authority, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.authority = Objects.requireNonNull(authority, "authority");
        this.status = status;
    }

    /**
     * @param authority {@code scheme://host[:port]} of the target
     * @param status the HTTP status received
     * @return an {@link Kind#HTTP_STATUS} failure
     */
    public static PeerHttpException httpStatus(String authority, int status) {
        return new PeerHttpException(
                Kind.HTTP_STATUS,
                authority,
                status,
                "Request to " + authority + " rejected: HTTP status " + status,
                null);
    }

    /**
     * @return how the call failed
     */
    public Kind kind() {
        return kind;
    }

    /**
     * @return {@code scheme://host[:port]} of the target
     */
    public String authority() {
        return authority;
    }

    /**
     * @return the HTTP status for {@link Kind#HTTP_STATUS}, otherwise empty
     */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}

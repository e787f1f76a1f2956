package io.ocmee.delivery.outbox;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * An administrator's request about an outbox message cannot be done as asked. The message says why
 * and what to do instead.
 */
@ApplicationException(rollback = true)
public class OutboxRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request cannot be done. */
    public enum Reason {
        /** No message has that id. */
        NOT_FOUND,
        /** The message is in a state that does not allow the request. */
        WRONG_STATE
    }

    private final Reason reason;

    /**
     * @param reason why the request cannot be done
     * @param message the reason in the house wording
     */
    public OutboxRequestException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @return why the request cannot be done
     */
    public Reason reason() {
        return reason;
    }
}

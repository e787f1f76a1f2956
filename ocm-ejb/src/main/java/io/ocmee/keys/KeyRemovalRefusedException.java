package io.ocmee.keys;

import jakarta.ejb.ApplicationException;

/** A key cannot be removed: it is the active key of its purpose. Rotate first. */
@ApplicationException(rollback = true)
public class KeyRemovalRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message "Key removal rejected: ..."
     */
    public KeyRemovalRefusedException(String message) {
        super(message);
    }
}

package io.ocmee.spi;

import jakarta.ejb.ApplicationException;

/**
 * A request to a {@link ResourceStorage} that cannot be carried out because of what was asked (a
 * bad path, a missing resource, something in the way), as opposed to a failure of the storage
 * itself, which surfaces as {@link java.io.UncheckedIOException}.
 *
 * <p>Messages are written for the end user in the house wording {@code "<what> rejected:
 * <reason>"}; they name paths relative to the user's space only and never an absolute server path,
 * so callers may show them as they are. Marked as an EJB application exception so that it reaches
 * callers of an EJB unwrapped and does not discard the bean.
 */
@ApplicationException
public abstract class ResourceStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the user-facing message, free of absolute server paths
     */
    protected ResourceStorageException(String message) {
        super(message);
    }
}

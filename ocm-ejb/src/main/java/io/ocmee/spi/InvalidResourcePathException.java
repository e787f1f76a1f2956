package io.ocmee.spi;

/**
 * A path that is not a plain relative path inside the user's space: an absolute path, a {@code ..}
 * or {@code .} segment (also percent-encoded, once or more), a backslash, a control character, an
 * empty segment, an over-long name, or a path that reaches outside the user's space through a
 * symbolic link. The message does not repeat the offending input.
 */
public class InvalidResourcePathException extends ResourceStorageException {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason why the path is refused, e.g. {@code "'..' segments are not allowed"}
     */
    public InvalidResourcePathException(String reason) {
        super("Path rejected: " + reason);
    }
}

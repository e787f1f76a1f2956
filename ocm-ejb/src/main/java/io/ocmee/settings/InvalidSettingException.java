package io.ocmee.settings;

/**
 * A setting has a value that the server cannot run with. The message names the setting, its
 * environment variable, the rejected value (never for secret settings) and what is expected.
 */
public class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do instead
     */
    public InvalidSettingException(String message) {
        super(message);
    }
}

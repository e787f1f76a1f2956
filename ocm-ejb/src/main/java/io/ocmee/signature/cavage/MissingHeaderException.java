package io.ocmee.signature.cavage;

/** Thrown when a header listed in {@code headers} is absent from the message. */
public class MissingHeaderException extends IllegalArgumentException {

    private final String header;

    /**
     * @param header the lower-case header name (or pseudo-header) that is missing
     * @param message what is missing
     */
    public MissingHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    /**
     * @return the lower-case name of the missing header
     */
    public String header() {
        return header;
    }
}

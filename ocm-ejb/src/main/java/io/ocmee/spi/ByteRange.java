package io.ocmee.spi;

/**
 * A run of bytes of a file to read, as an HTTP {@code Range} header asks for one (RFC 9110 §14).
 * Suffix ranges ({@code bytes=-500}) are turned into an offset by the caller from the file's size.
 *
 * @param offset the first byte, counted from 0
 * @param length how many bytes at most; {@link Long#MAX_VALUE} for "to the end"
 */
public record ByteRange(long offset, long length) {

    /**
     * @throws IllegalArgumentException if {@code offset} or {@code length} is negative
     */
    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "offset and length must not be negative: " + offset + ", " + length);
        }
    }

    /**
     * @param offset the first byte
     * @return the range from {@code offset} to the end of the file
     */
    public static ByteRange from(long offset) {
        return new ByteRange(offset, Long.MAX_VALUE);
    }

    /**
     * @param first the first byte
     * @param last the last byte, inclusive, as in {@code bytes=first-last}
     * @return the range
     * @throws IllegalArgumentException if {@code last < first} or {@code first} is negative
     */
    public static ByteRange between(long first, long last) {
        if (last < first) {
            throw new IllegalArgumentException("last byte before the first: " + first + "-" + last);
        }
        return new ByteRange(first, last - first + 1);
    }
}

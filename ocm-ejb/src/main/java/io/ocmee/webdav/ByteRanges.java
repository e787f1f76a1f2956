package io.ocmee.webdav;

import io.ocmee.spi.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Range} field (RFC 9110 §14.1.2) for one file. Only a single range of {@code
 * bytes} is honoured: several ranges, other units or bad syntax make the field ignored (the whole
 * file is served, as RFC 9110 allows). Stateless.
 */
public final class ByteRanges {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private ByteRanges() {}

    /**
     * @param field the {@code Range} field value, or {@code null}
     * @param size the file's size in bytes
     * @return the range to serve, or empty to serve the whole file
     * @throws DavException 416 if the range cannot be satisfied (it starts at or after the end, or
     *     asks for the last zero bytes)
     */
    public static Optional<ByteRange> parse(String field, long size) {
        if (field == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(field.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw unsatisfiable(size);
            }
            return Optional.of(ByteRange.from(Math.max(0, size - suffix)));
        }
        long first = Long.parseLong(m.group(1));
        if (first >= size) {
            throw unsatisfiable(size);
        }
        if (m.group(2).isEmpty()) {
            return Optional.of(ByteRange.from(first));
        }
        long last = Long.parseLong(m.group(2));
        if (last < first) {
            return Optional.empty();
        }
        return Optional.of(ByteRange.between(first, Math.min(last, size - 1)));
    }

    private static DavException unsatisfiable(long size) {
        return new DavException(416, "Range rejected: the file has " + size + " bytes", null);
    }
}

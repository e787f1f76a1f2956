package io.ocmee.signature.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP date format (IMF-fixdate, RFC 9110 §5.6.7), for example {@code Tue, 20 Apr 2021 02:07:55
 * GMT}. Thread-safe.
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private HttpDate() {}

    /**
     * @param instant a point in time; sub-second precision is dropped
     * @return the IMF-fixdate form, always two-digit day and {@code GMT}
     */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * Parses an RFC 1123 date as senders write it (IMF-fixdate; a one-digit day is tolerated).
     *
     * @param value the field value
     * @return the instant, or empty if the value is not such a date
     */
    public static Optional<Instant> parse(String value) {
        try {
            return Optional.of(
                    ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

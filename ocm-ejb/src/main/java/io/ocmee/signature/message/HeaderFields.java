package io.ocmee.signature.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The header section of an HTTP message: field lines in the order received, names compared
 * case-insensitively (RFC 9110 §5.1), values kept exactly as given. A field that occurs on several
 * lines keeps every line, in order, because RFC 9421 §2.1 signs their combination.
 *
 * @param lines the field lines in message order
 */
public record HeaderFields(List<FieldLine> lines) {

    /** A header section with no fields. */
    public static final HeaderFields EMPTY = new HeaderFields(List.of());

    public HeaderFields {
        lines = List.copyOf(lines);
    }

    /**
     * One field line.
     *
     * @param name the field name as written; compared case-insensitively
     * @param value the field value as written
     */
    public record FieldLine(String name, String value) {
        /**
         * @throws IllegalArgumentException if the name is blank or either part contains CR/LF
         */
        public FieldLine {
            if (name.isBlank() || name.indexOf(':') >= 0) {
                throw new IllegalArgumentException(
                        "Header field rejected: the name '" + name + "' is empty or contains ':'");
            }
            if (containsLineBreak(name) || containsLineBreak(value)) {
                throw new IllegalArgumentException(
                        "Header field rejected: '" + name + "' contains a CR or LF");
            }
        }

        private static boolean containsLineBreak(String text) {
            return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        }
    }

    /**
     * @return a builder that keeps the order of {@code add} calls
     */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /**
     * @return a builder that starts with these lines, for adding more
     */
    public Builder toBuilder() {
        return new Builder(lines);
    }

    /**
     * @param name a field name, any case
     * @return the values of every line with this name, in message order; empty if absent
     */
    public List<String> values(String name) {
        return lines.stream()
                .filter(line -> line.name().equalsIgnoreCase(name))
                .map(FieldLine::value)
                .collect(Collectors.toList());
    }

    /**
     * Combines the field lines of one name as RFC 9110 §5.3 and RFC 9421 §2.1 do: each value with
     * leading and trailing spaces and tabs removed, joined by {@code ", "}.
     *
     * @param name a field name, any case
     * @return the combined value, or empty if no line has this name
     */
    public Optional<String> combined(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                values.stream().map(HeaderFields::trim).collect(Collectors.joining(", ")));
    }

    /**
     * @param name a field name, any case
     * @return whether at least one line has this name
     */
    public boolean contains(String name) {
        return lines.stream().anyMatch(line -> line.name().equalsIgnoreCase(name));
    }

    /**
     * @param name a field name, any case
     * @return a copy without any line of this name
     */
    public HeaderFields without(String name) {
        return new HeaderFields(
                lines.stream().filter(line -> !line.name().equalsIgnoreCase(name)).toList());
    }

    /**
     * @return the lower-case form used for field names in signature bases
     */
    public static String normalizeName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a field value
     * @return the value without leading and trailing SP and HTAB (RFC 9110 §5.5 OWS)
     */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOws(value.charAt(start))) {
            start++;
        }
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** Collects field lines in order. Not thread-safe; the built value is. */
    public static final class Builder {
        private final List<FieldLine> lines;

        private Builder(List<FieldLine> initial) {
            this.lines = new ArrayList<>(initial);
        }

        /**
         * @param name the field name
         * @param value the field value
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or a part contains CR/LF
         */
        public Builder add(String name, String value) {
            lines.add(new FieldLine(name, value));
            return this;
        }

        /**
         * @return a builder with every line of {@code fields} appended
         */
        public Builder addAll(HeaderFields fields) {
            lines.addAll(fields.lines());
            return this;
        }

        /**
         * @return the immutable header section
         */
        public HeaderFields build() {
            return new HeaderFields(lines);
        }
    }
}

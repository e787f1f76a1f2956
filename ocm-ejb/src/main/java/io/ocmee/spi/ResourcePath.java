package io.ocmee.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A normalised path relative to a user's space: a list of plain names, no {@code .} or {@code ..},
 * nothing that a later decoding step could turn into one. The empty list is the user's root folder.
 * Its text form joins the names with {@code /} and has no leading or trailing slash.
 *
 * <p>Every instance is valid: {@link #parse} and the constructor apply the same rules, so a storage
 * implementation receives only paths that cannot climb out of the user's space lexically. Whether
 * the path stays inside through symbolic links is for the storage to check against its real files.
 *
 * @param names the names from the root down; each is non-empty, at most {@value #MAX_NAME_BYTES}
 *     UTF-8 bytes, not {@code .} or {@code ..}, free of {@code /}, {@code \} and control
 *     characters, and does not become any of those after repeated percent-decoding
 */
public record ResourcePath(List<String> names) {

    /** Longest name, in UTF-8 bytes, that common file systems accept. */
    public static final int MAX_NAME_BYTES = 255;

    /** Longest path text accepted by {@link #parse}, in characters. */
    public static final int MAX_PATH_CHARS = 4096;

    /** How often a name is percent-decoded when looking for hidden dots and separators. */
    private static final int DECODING_ROUNDS = 4;

    private static final ResourcePath ROOT = new ResourcePath(List.of());

    /**
     * @throws InvalidResourcePathException if a name breaks a rule above
     * @throws NullPointerException if {@code names} or one of them is {@code null}
     */
    public ResourcePath {
        names = List.copyOf(names);
        names.forEach(ResourcePath::checkName);
    }

    /**
     * @return the user's root folder
     */
    public static ResourcePath root() {
        return ROOT;
    }

    /**
     * Parses a relative path as it arrives from a URL (already decoded once by the HTTP layer). One
     * trailing {@code /} is allowed and ignored; the empty text is the root.
     *
     * @param text the path, e.g. {@code docs/report.pdf}
     * @return the normalised path
     * @throws InvalidResourcePathException if the text is absolute, too long, has an empty segment
     *     or a name that breaks a rule of {@link ResourcePath}
     */
    public static ResourcePath parse(String text) {
        if (text == null || text.isEmpty()) {
            return ROOT;
        }
        if (text.length() > MAX_PATH_CHARS) {
            throw new InvalidResourcePathException(
                    "it is longer than " + MAX_PATH_CHARS + " characters");
        }
        if (text.startsWith("/") || isDriveLetter(text)) {
            throw new InvalidResourcePathException("it must be relative to your space");
        }
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        List<String> names = new ArrayList<>();
        for (String name : trimmed.split("/", -1)) {
            if (name.isEmpty()) {
                throw new InvalidResourcePathException("empty segments ('//') are not allowed");
            }
            names.add(name);
        }
        return new ResourcePath(names);
    }

    /**
     * @return {@code true} for the user's root folder
     */
    public boolean isRoot() {
        return names.isEmpty();
    }

    /**
     * @return the last name, or the empty string for the root
     */
    public String name() {
        return isRoot() ? "" : names.get(names.size() - 1);
    }

    /**
     * @return the folder containing this path; the root for a top-level name
     * @throws IllegalStateException for the root, which has no parent
     */
    public ResourcePath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the root folder has no parent");
        }
        return new ResourcePath(names.subList(0, names.size() - 1));
    }

    /**
     * @param name one more name
     * @return this path with {@code name} appended
     * @throws InvalidResourcePathException if {@code name} breaks a rule of {@link ResourcePath}
     */
    public ResourcePath child(String name) {
        List<String> longer = new ArrayList<>(names);
        longer.add(name);
        return new ResourcePath(longer);
    }

    /**
     * @param other another path
     * @return {@code true} if {@code other} is this path or lies inside it
     */
    public boolean contains(ResourcePath other) {
        return other.names.size() >= names.size()
                && other.names.subList(0, names.size()).equals(names);
    }

    /**
     * @return the names joined by {@code /}; the empty string for the root
     */
    @Override
    public String toString() {
        return String.join("/", names);
    }

    private static boolean isDriveLetter(String text) {
        return text.length() >= 2 && Character.isLetter(text.charAt(0)) && text.charAt(1) == ':';
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new InvalidResourcePathException("empty names are not allowed");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new InvalidResourcePathException(
                    "a name is longer than " + MAX_NAME_BYTES + " bytes");
        }
        String decoded = name;
        for (int round = 0; round <= DECODING_ROUNDS; round++) {
            checkDecodedName(decoded, round > 0);
            String next = percentDecode(decoded);
            if (next.equals(decoded)) {
                return;
            }
            decoded = next;
        }
        throw new InvalidResourcePathException("a name is percent-encoded too many times");
    }

    private static void checkDecodedName(String name, boolean decoded) {
        String hint = decoded ? " (not even percent-encoded)" : "";
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidResourcePathException("'.' and '..' segments are not allowed" + hint);
        }
        if (name.indexOf('/') >= 0) {
            throw new InvalidResourcePathException(
                    decoded
                            ? "a name may not contain an encoded '/'"
                            : "a name may not contain '/'");
        }
        if (name.indexOf('\\') >= 0) {
            throw new InvalidResourcePathException("backslashes are not allowed" + hint);
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidResourcePathException(
                    "control characters (such as NUL) are not allowed" + hint);
        }
    }

    /** Decodes each well-formed {@code %XX} escape as UTF-8; anything else is kept as it is. */
    private static String percentDecode(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '%' && isHex(name, i + 1) && isHex(name, i + 2)) {
                bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}

package io.ocmee.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strict, resolution-free parsing of IP address literals.
 *
 * <p>Only canonical textual forms are accepted: IPv4 as four decimal parts without leading zeros
 * ({@code 127.1}, {@code 0x7f.0.0.1} and {@code 2130706433} are refused, because some resolvers
 * read them as addresses), and IPv6 as in RFC 4291 section 2.2 without a zone identifier. Nothing
 * here asks DNS; the results can be handed to {@link java.net.InetAddress#getByAddress(byte[])}.
 */
public final class IpLiterals {

    private IpLiterals() {}

    /**
     * Parses a dotted-quad IPv4 literal.
     *
     * @param text candidate literal; may be {@code null}
     * @return the four address bytes, or empty if {@code text} is not a canonical IPv4 literal
     */
    public static Optional<byte[]> parseIpv4(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /**
     * Parses an IPv6 literal (without brackets), including the {@code ::} shorthand and a trailing
     * dotted IPv4 part.
     *
     * @param text candidate literal, without brackets; may be {@code null}
     * @return the sixteen address bytes, or empty if {@code text} is not a valid IPv6 literal (zone
     *     identifiers such as {@code %eth0} are not valid here)
     */
    public static Optional<byte[]> parseIpv6(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        Optional<List<Integer>> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        Optional<List<Integer>> tail = groups(gap < 0 ? "" : text.substring(gap + 2), true);
        if (head.isEmpty() || tail.isEmpty()) {
            return Optional.empty();
        }
        return assemble(head.get(), tail.get(), gap >= 0);
    }

    private static Optional<byte[]> assemble(List<Integer> head, List<Integer> tail, boolean gap) {
        int count = head.size() + tail.size();
        if (gap ? count > 7 : count != 8) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            putGroup(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            putGroup(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return Optional.of(bytes);
    }

    private static void putGroup(byte[] bytes, int index, int value) {
        bytes[2 * index] = (byte) (value >>> 8);
        bytes[2 * index + 1] = (byte) value;
    }

    private static Optional<List<Integer>> groups(String part, boolean ipv4TailAllowed) {
        List<Integer> result = new ArrayList<>();
        if (part.isEmpty()) {
            return Optional.of(result);
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            boolean last = i == pieces.length - 1;
            if (last && ipv4TailAllowed && pieces[i].contains(".")) {
                Optional<byte[]> v4 = parseIpv4(pieces[i]);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                byte[] b = v4.get();
                result.add(((b[0] & 0xff) << 8) | (b[1] & 0xff));
                result.add(((b[2] & 0xff) << 8) | (b[3] & 0xff));
            } else {
                int value = hexGroup(pieces[i]);
                if (value < 0) {
                    return Optional.empty();
                }
                result.add(value);
            }
        }
        return Optional.of(result);
    }

    private static int hexGroup(String piece) {
        if (piece.isEmpty() || piece.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < piece.length(); i++) {
            int digit = Character.digit(piece.charAt(i), 16);
            if (digit < 0 || piece.charAt(i) > 'f') {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }
}

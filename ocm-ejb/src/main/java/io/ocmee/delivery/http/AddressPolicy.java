package io.ocmee.delivery.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides which IP addresses this server may connect to when talking to peers.
 *
 * <p>Peers choose the URLs we fetch (their {@code endPoint}, {@code jwksUri}, {@code
 * tokenEndPoint}, redirects), so without this check a hostile peer could make us call our own
 * internal services or a cloud metadata endpoint. Only {@link Category#PUBLIC} addresses are
 * permitted by default; {@code allowLoopback} adds {@link Category#LOOPBACK} and {@code
 * allowPrivate} adds {@link Category#PRIVATE} and {@link Category#SHARED}. Link-local, metadata,
 * unspecified, multicast and reserved addresses are never permitted. IPv6 addresses that embed an
 * IPv4 address (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code
 * 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the embedded IPv4 address.
 *
 * <p>Known gaps: Teredo ({@code 2001::/32}) and other tunnelled forms are treated as public;
 * documentation prefixes are treated as reserved.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressPolicy {

    /** What kind of address a connection would go to. */
    public enum Category {
        /** Globally routable unicast. */
        PUBLIC,
        /** {@code 127.0.0.0/8}, {@code ::1}. */
        LOOPBACK,
        /**
         * {@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}, {@code fec0::/10}.
         */
        PRIVATE,
        /** Carrier-grade NAT shared space {@code 100.64.0.0/10}. */
        SHARED,
        /** {@code 169.254.0.0/16}, {@code fe80::/10}. */
        LINK_LOCAL,
        /**
         * Cloud metadata: {@code 169.254.169.254}, {@code fd00:ec2::254}, {@code 100.100.100.200}.
         */
        METADATA,
        /** {@code 0.0.0.0/8}, {@code ::}. */
        UNSPECIFIED,
        /** {@code 224.0.0.0/4}, {@code ff00::/8}. */
        MULTICAST,
        /** Reserved, benchmarking, documentation and broadcast ranges. */
        RESERVED
    }

    private static final byte[] EC2_METADATA_V6 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
    };

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    /**
     * @param allowLoopback permit {@link Category#LOOPBACK} (tests, single-host setups)
     * @param allowPrivate permit {@link Category#PRIVATE} and {@link Category#SHARED} (peers on an
     *     internal network)
     */
    public AddressPolicy(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /**
     * @return a policy permitting public addresses only
     */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, false);
    }

    /**
     * @param address the address a connection would go to
     * @return {@code true} if a connection to {@code address} is allowed
     */
    public boolean permits(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /**
     * @param address the address a connection would go to
     * @return the category that makes {@code address} refused, or empty if it is permitted
     */
    public Optional<Category> refusal(InetAddress address) {
        Category category = categorize(address);
        boolean permitted =
                switch (category) {
                    case PUBLIC -> true;
                    case LOOPBACK -> allowLoopback;
                    case PRIVATE, SHARED -> allowPrivate;
                    default -> false;
                };
        return permitted ? Optional.empty() : Optional.of(category);
    }

    /**
     * @param address any IPv4 or IPv6 address; never resolved
     * @return its category
     */
    public static Category categorize(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? categorizeV4(bytes) : categorizeV6(bytes);
    }

    private static Category categorizeV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254)
                || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)) {
            return Category.METADATA;
        }
        if (a0 == 0) {
            return Category.UNSPECIFIED;
        }
        if (a0 == 127) {
            return Category.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Category.PRIVATE;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Category.SHARED;
        }
        if (a0 == 169 && a1 == 254) {
            return Category.LINK_LOCAL;
        }
        if (a0 >= 224) {
            return a0 < 240 ? Category.MULTICAST : Category.RESERVED;
        }
        return isReservedV4(a0, a1, a2) ? Category.RESERVED : Category.PUBLIC;
    }

    private static boolean isReservedV4(int a0, int a1, int a2) {
        return (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113);
    }

    private static Category categorizeV6(byte[] b) {
        Optional<byte[]> embedded = embeddedV4(b);
        if (embedded.isPresent()) {
            return categorizeV4(embedded.get());
        }
        if (Arrays.equals(b, EC2_METADATA_V6)) {
            return Category.METADATA;
        }
        if (isZeroUpTo(b, 15)) {
            return b[15] == 0 ? Category.UNSPECIFIED : Category.LOOPBACK;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xff) {
            return Category.MULTICAST;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Category.LINK_LOCAL;
        }
        if ((b0 == 0xfe && (b1 & 0xc0) == 0xc0) || (b0 & 0xfe) == 0xfc) {
            return Category.PRIVATE;
        }
        return isReservedV6(b) ? Category.RESERVED : Category.PUBLIC;
    }

    private static boolean isReservedV6(byte[] b) {
        boolean documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8;
        boolean discard = b[0] == 0x01 && b[1] == 0 && isZeroBetween(b, 2, 8);
        return documentation || discard || (b[0] & 0xe0) != 0x20;
    }

    /** The IPv4 address carried by a mapped, compatible, NAT64 or 6to4 IPv6 address. */
    private static Optional<byte[]> embeddedV4(byte[] b) {
        boolean mapped = isZeroUpTo(b, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean unspecifiedOrLoopback = isZeroUpTo(b, 15) && (b[15] == 0 || b[15] == 1);
        boolean compatible = isZeroUpTo(b, 12) && !unspecifiedOrLoopback;
        boolean nat64 =
                b[0] == 0
                        && b[1] == 0x64
                        && b[2] == (byte) 0xff
                        && b[3] == (byte) 0x9b
                        && isZeroBetween(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean isZeroUpTo(byte[] b, int end) {
        return isZeroBetween(b, 0, end);
    }

    private static boolean isZeroBetween(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "AddressPolicy[allowLoopback="
                + allowLoopback
                + ", allowPrivate="
                + allowPrivate
                + "]";
    }
}

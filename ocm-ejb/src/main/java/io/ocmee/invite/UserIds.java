package io.ocmee.invite;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;

/**
 * Normalises user identifiers that peers send qualified with their own server (OCM-NOTES §11 Q21,
 * checklist S66): oCIS sends {@code id@host}, OpenCloud {@code id@https://host}, which naive
 * receivers turn into {@code id@host@host}. Plain Java.
 */
public final class UserIds {

    private UserIds() {}

    /**
     * Strips trailing {@code @<server>} suffixes that name the given server itself (with or without
     * a scheme, any case, a trailing slash), repeatedly. A suffix naming another server, or text
     * that is not a host, is part of the opaque identifier and is kept.
     *
     * @param userId the identifier as received, non-empty
     * @param server the server the identifier belongs to
     * @return the bare identifier; never empty (an identifier that is only a suffix is kept)
     */
    public static String normalise(String userId, ProviderHost server) {
        String id = userId;
        while (true) {
            int at = id.lastIndexOf('@');
            if (at <= 0) {
                return id;
            }
            if (!namesServer(id.substring(at + 1), server)) {
                return id;
            }
            id = id.substring(0, at);
        }
    }

    private static boolean namesServer(String suffix, ProviderHost server) {
        try {
            return ProviderHost.parse(suffix).equals(server);
        } catch (InvalidOcmAddressException e) {
            return false;
        }
    }
}

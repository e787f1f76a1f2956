package io.ocmee.trust;

import io.ocmee.address.OcmAddress;
import java.util.Set;

/**
 * Who a local user knows through an accepted invite (OCM-NOTES §5.3 "Afterwards", §9.4). The trust
 * policy asks it in {@code must-invite} mode, and the inbox uses it to mark shares from
 * non-contacts. Implemented by {@code io.ocmee.invite.ContactService}; thread-safe.
 */
public interface ContactBook {

    /**
     * @param user a local login name
     * @param address a remote OCM address, normalised
     * @return whether the user has that address as a contact
     */
    boolean isContact(String user, OcmAddress address);

    /**
     * @param user a local login name
     * @return the normalised addresses of the user's contacts
     */
    Set<String> addressesOf(String user);
}

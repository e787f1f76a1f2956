package io.ocmee.trust;

import io.ocmee.address.ProviderHost;
import java.util.Optional;

/**
 * Finds which peer a share's shared secret belongs to. Unsigned legacy notifications (Nextcloud,
 * OCM-NOTES §11 Q8) name no sending server; their {@code notification.sharedSecret} identifies a
 * share, and so the only peer that may speak about it: the counterpart of that share. Implemented
 * by the share module; thread-safe.
 */
public interface SecretHolders {

    /**
     * @param sharedSecret a secret as received
     * @return the counterpart server of the share with that secret, if there is one
     */
    Optional<ProviderHost> counterpartOf(String sharedSecret);
}

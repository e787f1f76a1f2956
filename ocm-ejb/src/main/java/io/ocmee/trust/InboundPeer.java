package io.ocmee.trust;

import io.ocmee.address.ProviderHost;
import io.ocmee.signature.SignatureScheme;
import java.util.Optional;

/**
 * The server an inbound OCM request comes from, as the signature check established it.
 *
 * @param peer the verified signer, or for an unsigned request the claimed sender that the
 *     unsigned-request policy allowed
 * @param scheme how it signed, or empty for an unsigned request
 */
public record InboundPeer(ProviderHost peer, Optional<SignatureScheme> scheme) {

    /**
     * @return whether the request carried a valid signature
     */
    public boolean signed() {
        return scheme.isPresent();
    }

    /**
     * Checks that a server named in the payload is the one that signed (OCM-NOTES §7.3 step 6): a
     * peer can only speak for itself.
     *
     * @param named the server the payload names (e.g. the host of {@code owner})
     * @param field the payload field, for the message
     * @throws RequestRejectedException {@code SIGNER_MISMATCH} if it is another server
     */
    public void requireSameServer(ProviderHost named, String field) {
        if (!peer.authority().equals(named.authority())) {
            throw new RequestRejectedException(
                    RequestRejectedException.Reason.SIGNER_MISMATCH,
                    "Request rejected: "
                            + field
                            + " names "
                            + named.authority()
                            + " but the request comes from "
                            + peer.authority());
        }
    }
}

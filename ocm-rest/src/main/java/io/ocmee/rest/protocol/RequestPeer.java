package io.ocmee.rest.protocol;

import io.ocmee.trust.InboundPeer;
import jakarta.enterprise.context.RequestScoped;

/**
 * The peer that {@link SignatureFilter} established for the current request; endpoints inject it
 * and hand {@link #get()} to their service.
 */
@RequestScoped
public class RequestPeer {

    private InboundPeer peer;

    void set(InboundPeer established) {
        this.peer = established;
    }

    /**
     * @return the peer of this request
     * @throws IllegalStateException if the endpoint is not guarded by {@link VerifySignature}
     */
    public InboundPeer get() {
        if (peer == null) {
            throw new IllegalStateException("endpoint is not guarded by @VerifySignature");
        }
        return peer;
    }
}

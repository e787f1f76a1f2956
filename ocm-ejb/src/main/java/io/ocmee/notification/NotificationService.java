package io.ocmee.notification;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.share.OcmRequestException;
import io.ocmee.share.ShareEventService;
import io.ocmee.trust.InboundPeer;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Receives notifications from peers ({@code POST /ocm/notifications}, OCM-NOTES §4, checklist
 * R116–R120): validates them and applies share events to the share they name. A signed ED-2026-08
 * notification's {@code senderDomain} must be the signer; legacy ones carry none, so the signer
 * (or, unsigned, the counterpart of the share whose secret they carry) is the peer.
 */
@Stateless
@PermitAll
public class NotificationService {

    @Inject private ShareEventService shares;

    @Inject private io.ocmee.operations.FederationCounters counters;

    /**
     * @param peer the notifying server, as the signature check established it
     * @param body the exact request body
     * @throws OcmRequestException 400 malformed, 403 refused, 404 unknown share, 501 unsupported
     * @throws io.ocmee.trust.RequestRejectedException if {@code senderDomain} names another server
     */
    public void receive(InboundPeer peer, byte[] body) {
        ReceivedNotification notification = NotificationParser.parse(body);
        if (peer.signed() && notification.senderDomain().isPresent()) {
            peer.requireSameServer(senderDomain(notification.senderDomain().get()), "senderDomain");
        }
        shares.apply(peer.peer().authority(), notification);
        counters.notificationReceived();
    }

    private static ProviderHost senderDomain(String value) {
        try {
            return ProviderHost.parse(value);
        } catch (InvalidOcmAddressException e) {
            throw OcmRequestException.invalid(
                    "Notification rejected: senderDomain is not a host name",
                    "senderDomain",
                    "INVALID");
        }
    }
}

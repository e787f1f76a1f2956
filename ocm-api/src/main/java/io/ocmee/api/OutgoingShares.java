package io.ocmee.api;

import java.util.List;

/**
 * Shares of the caller with users of other servers: the operations of {@code /api/v1/shares}.
 * Implemented by the stateless bean {@code OutgoingSharesBean}; use its {@link OutgoingSharesLocal}
 * view from the same application and {@link OutgoingSharesRemote} from another one. Each call joins
 * the caller's transaction: a share made in a transaction that rolls back is gone with it, and so
 * is the notification queued for the receiver (nothing is sent).
 */
public interface OutgoingShares {

    /**
     * Shares a file or folder of the caller. The receiver is discovered now; the notification is
     * sent after the transaction commits.
     *
     * @param request what to share with whom
     * @return the new share, {@code pending}
     * @throws OcmApiException 400 bad input, 403 the storage forbids sharing it, 404 nothing at the
     *     path, 502 receiver unusable
     */
    OutgoingShareInfo share(ShareRequest request);

    /**
     * @return the caller's shares, newest first
     */
    List<OutgoingShareInfo> list();

    /**
     * @param id the share's id
     * @return the share
     * @throws OcmApiException 404 if the caller has no such share
     */
    OutgoingShareInfo get(String id);

    /**
     * @param id the share's id
     * @param permissions the new permissions (wire names)
     * @return the share after the change
     * @throws OcmApiException 400 bad permissions, 404 unknown share, 409 share not live
     */
    OutgoingShareInfo changePermissions(String id, List<String> permissions);

    /**
     * Revokes a share at once and tells the receiver.
     *
     * @param id the share's id
     * @throws OcmApiException 404 unknown share
     */
    void unshare(String id);
}

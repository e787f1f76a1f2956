package io.ocmee.api;

import java.util.List;

/**
 * Shares other servers made with the caller: the operations of {@code /api/v1/inbox}. Implemented
 * by the stateless bean {@code InboxBean} ({@link InboxLocal}, {@link InboxRemote}); each call
 * joins the caller's transaction, and the answer to the sending server is queued in it.
 */
public interface Inbox {

    /**
     * @return the caller's received shares, newest first
     */
    List<IncomingShareInfo> list();

    /**
     * Accepts a received share and tells its sender.
     *
     * @param id the share's id
     * @return the share after the change
     * @throws OcmApiException 404 unknown share, 409 declined or removed
     */
    IncomingShareInfo accept(String id);

    /**
     * Declines a received share and tells its sender.
     *
     * @param id the share's id
     * @return the share after the change
     * @throws OcmApiException 404 unknown share, 409 removed
     */
    IncomingShareInfo decline(String id);
}

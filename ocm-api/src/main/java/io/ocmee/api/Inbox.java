package io.ocmee.api;

import java.util.List;

/**
 * Shares other servers made with the caller: the operations of {@code /api/v1/inbox}. Implemented
 * by the stateless bean {@code InboxBean} ({@link InboxLocal}, {@link InboxRemote}). Accepting and
 * declining join the caller's transaction, and the answer to the sending server is queued in it;
 * reading the content of an accepted share (the operations of {@code
 * /api/v1/shares/incoming/{id}/content} and {@code .../listing}) goes to the sending server at
 * once, outside any transaction.
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

    /** The most {@link #read} returns; larger files are streamed ({@link InboxLocal#open}). */
    int MAX_READ_BYTES = 16 * 1024 * 1024;

    /**
     * Lists a folder of an accepted received share, as the sending server shows it now. Joins no
     * transaction: the call waits for the other server.
     *
     * @param id the share's id
     * @param path a folder inside the share, such as {@code reports/2026}; empty or {@code null}
     *     for the shared item itself
     * @return the folder's items; for a shared file, that file
     * @throws OcmApiException 400 a malformed path, 404 unknown share or nothing at that path, 409
     *     not accepted or not a folder, 403 the sending server refuses access, 502 or 504 the
     *     sending server cannot be used
     */
    List<IncomingEntryInfo> listing(String id, String path);

    /**
     * Reads a file of an accepted received share from the sending server, whole. Joins no
     * transaction: the call waits for the other server.
     *
     * @param id the share's id
     * @param path the file's path inside a shared folder; empty or {@code null} for a shared file
     * @return the content and its media type
     * @throws OcmApiException 413 the file is larger than {@link #MAX_READ_BYTES} (stream it with
     *     {@link InboxLocal#open}), and the failures of {@link #listing}
     */
    IncomingContent read(String id, String path);
}

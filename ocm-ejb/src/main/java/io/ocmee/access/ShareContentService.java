package io.ocmee.access;

import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.share.IncomingShareGrant;
import io.ocmee.share.IncomingShareService;
import io.ocmee.spi.ResourcePath;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The receiving side's use of a share (issue 5, OCM-NOTES §8): the recipient of an accepted
 * incoming share downloads its content, lists its folders and, with {@code write}, uploads into it,
 * all through the sending server's WebDAV endpoint ({@link ShareAccessor}).
 *
 * <p>Only the share's recipient may use it (others: 404), only while it is accepted (otherwise
 * 409), both checked by {@link IncomingShareService#grant}. Sub-paths are validated before any URL
 * is built (400). No transaction is held while talking to the sender.
 */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShareContentService {

    private static final Logger LOG = Logger.getLogger(ShareContentService.class.getName());

    @Inject private IncomingShareService incoming;

    @Inject private ShareAccess access;

    /**
     * @param id our id of the incoming share
     * @param subPath the path inside the share as sent (decoded once); empty for the shared item
     * @param range the client's {@code Range} header, if any
     * @return the open download; the caller streams and closes it
     * @throws io.ocmee.share.ShareRefusedException 404 no such share of the caller, 409 not
     *     accepted
     * @throws ShareAccessException a bad sub-path or any failure at the sender
     */
    public RemoteContent download(String id, String subPath, Optional<String> range) {
        ResourcePath path = WebdavLocator.subPath(subPath);
        IncomingShareGrant grant = incoming.grant(id);
        try {
            return access.accessor().download(grant, path, range);
        } catch (ShareAccessException e) {
            throw logged(grant, e);
        }
    }

    /**
     * @param id our id of the incoming share
     * @param subPath a folder inside the share (decoded once); empty for the shared item
     * @return the items of that folder; for a shared file, that file
     * @throws io.ocmee.share.ShareRefusedException 404 no such share of the caller, 409 not
     *     accepted
     * @throws ShareAccessException a bad sub-path or any failure at the sender
     */
    public List<RemoteEntry> list(String id, String subPath) {
        ResourcePath path = WebdavLocator.subPath(subPath);
        IncomingShareGrant grant = incoming.grant(id);
        try {
            return access.accessor().list(grant, path);
        } catch (ShareAccessException e) {
            throw logged(grant, e);
        }
    }

    /**
     * @param id our id of the incoming share
     * @param subPath the file's path inside the shared folder (decoded once)
     * @param body the bytes, streamed to the sender
     * @param length their number, or -1 if unknown
     * @param contentType the media type the client gave, if any
     * @return {@code true} if the file was created, {@code false} if replaced
     * @throws io.ocmee.share.ShareRefusedException 404 no such share of the caller, 409 not
     *     accepted
     * @throws ShareAccessException 403 without {@code write}, a bad sub-path, or any failure at the
     *     sender
     */
    public boolean upload(
            String id,
            String subPath,
            InputStream body,
            long length,
            Optional<String> contentType) {
        ResourcePath path = WebdavLocator.subPath(subPath);
        IncomingShareGrant grant = incoming.grant(id);
        boolean created;
        try {
            created =
                    access.accessor()
                            .upload(
                                    grant,
                                    path,
                                    new PeerHttpClient.Upload(body, length < 0 ? -1 : length),
                                    contentType);
        } catch (ShareAccessException e) {
            throw logged(grant, e);
        }
        LOG.log(
                Level.INFO,
                "OCM-0563 {0} a file in share {1} from {2}",
                new Object[] {created ? "Created" : "Replaced", id, grant.senderServer()});
        return created;
    }

    /** Failures at the sender are logged once for operators (no path, token or secret). */
    private static ShareAccessException logged(IncomingShareGrant grant, ShareAccessException e) {
        if (e.status() >= 500 || e.reason().wire().startsWith("remote-")) {
            LOG.log(
                    Level.INFO,
                    "OCM-0564 Access to share {0} at {1} failed ({2}): {3}",
                    new Object[] {
                        grant.id(), grant.senderServer(), e.reason().wire(), e.getMessage()
                    });
        }
        return e;
    }
}

package io.ocmee.integration;

import io.ocmee.access.RemoteContent;
import io.ocmee.access.RemoteEntry;
import io.ocmee.access.ShareAccessException;
import io.ocmee.access.ShareContentService;
import io.ocmee.api.InboxLocal;
import io.ocmee.api.IncomingContent;
import io.ocmee.api.IncomingEntryInfo;
import io.ocmee.api.IncomingShareInfo;
import io.ocmee.api.OcmApiException;
import io.ocmee.share.IncomingShareService;
import io.ocmee.share.IncomingShareView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link io.ocmee.api.Inbox} for host applications: the caller principal's received shares. The
 * answer to the sending server is queued in the caller's transaction; content is read from the
 * sending server outside any transaction, through the same service as the user API.
 */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InboxBean implements InboxLocal {

    @EJB private IncomingShareService incoming;

    @EJB private ShareContentService content;

    @Override
    public List<IncomingShareInfo> list() {
        return incoming.inbox().stream().map(InboxBean::info).toList();
    }

    @Override
    public IncomingShareInfo accept(String id) {
        return OutgoingSharesBean.refusals(() -> info(incoming.accept(id)));
    }

    @Override
    public IncomingShareInfo decline(String id) {
        return OutgoingSharesBean.refusals(() -> info(incoming.decline(id)));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<IncomingEntryInfo> listing(String id, String path) {
        return accessed(() -> content.list(id, orEmpty(path)).stream().map(InboxBean::entry))
                .toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IncomingContent read(String id, String path) {
        try (RemoteContent download = download(id, path)) {
            if (download.contentLength().orElse(0) > MAX_READ_BYTES) {
                throw tooLarge();
            }
            byte[] bytes = download.body().readNBytes(MAX_READ_BYTES + 1);
            if (bytes.length > MAX_READ_BYTES) {
                throw tooLarge();
            }
            return new IncomingContent(download.contentType().orElse(null), bytes);
        } catch (IOException e) {
            throw new OcmApiException(
                    502, "Content failed: the sending server broke off the download");
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InputStream open(String id, String path) {
        RemoteContent download = download(id, path);
        return new FilterInputStream(download.body()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    download.close();
                }
            }
        };
    }

    private RemoteContent download(String id, String path) {
        return accessed(() -> content.download(id, orEmpty(path), Optional.empty()));
    }

    private static OcmApiException tooLarge() {
        return new OcmApiException(
                413,
                "Content rejected: the file is larger than "
                        + (MAX_READ_BYTES / (1024 * 1024))
                        + " MiB; open it as a stream instead");
    }

    private static String orEmpty(String path) {
        return path == null ? "" : path;
    }

    /** Refusals here and failures at the sending server cross as {@link OcmApiException}. */
    private static <T> T accessed(Supplier<T> call) {
        try {
            return OutgoingSharesBean.refusals(call);
        } catch (ShareAccessException e) {
            throw new OcmApiException(e.status(), e.getMessage());
        }
    }

    static IncomingEntryInfo entry(RemoteEntry entry) {
        return new IncomingEntryInfo(
                entry.name(),
                entry.folder(),
                entry.size().isPresent() ? entry.size().getAsLong() : null,
                entry.modified().orElse(null),
                entry.etag().orElse(null));
    }

    static IncomingShareInfo info(IncomingShareView view) {
        return new IncomingShareInfo(
                view.id(),
                view.name(),
                view.owner(),
                view.ownerDisplayName().orElse(null),
                view.sender(),
                view.senderDisplayName().orElse(null),
                view.shareType(),
                view.resourceType(),
                view.permissions(),
                view.state(),
                view.expiration().orElse(null),
                view.receivedAt(),
                view.fromContact());
    }
}

package io.ocmee.integration;

import io.ocmee.api.OcmApiException;
import io.ocmee.api.OutgoingShareInfo;
import io.ocmee.api.OutgoingSharesLocal;
import io.ocmee.api.ShareRequest;
import io.ocmee.share.NewShareRequest;
import io.ocmee.share.OutgoingShareService;
import io.ocmee.share.OutgoingShareView;
import io.ocmee.share.ShareRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link io.ocmee.api.OutgoingShares} for host applications. The caller principal is the sharing
 * user; {@link OutgoingShareService} does the work in the caller's transaction, including queueing
 * the notification, so a rollback of the host's transaction leaves neither share nor message.
 */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OutgoingSharesBean implements OutgoingSharesLocal {

    @EJB private OutgoingShareService shares;

    @Override
    public OutgoingShareInfo share(ShareRequest request) {
        if (request == null) {
            throw new OcmApiException(400, "Share rejected: the request is missing");
        }
        NewShareRequest internal =
                new NewShareRequest(
                        request.shareWith(),
                        request.path(),
                        request.permissions(),
                        Optional.ofNullable(request.expiration()),
                        Optional.ofNullable(request.shareType()),
                        request.mustExchangeToken());
        return refusals(() -> info(shares.create(internal)));
    }

    @Override
    public List<OutgoingShareInfo> list() {
        return shares.list().stream().map(OutgoingSharesBean::info).toList();
    }

    @Override
    public OutgoingShareInfo get(String id) {
        return refusals(() -> info(shares.get(id)));
    }

    @Override
    public OutgoingShareInfo changePermissions(String id, List<String> permissions) {
        return refusals(() -> info(shares.changePermissions(id, permissions)));
    }

    @Override
    public void unshare(String id) {
        refusals(
                () -> {
                    shares.revoke(id);
                    return null;
                });
    }

    static <T> T refusals(Supplier<T> call) {
        try {
            return call.get();
        } catch (ShareRefusedException e) {
            throw new OcmApiException(e.status(), e.getMessage());
        }
    }

    static OutgoingShareInfo info(OutgoingShareView view) {
        return new OutgoingShareInfo(
                view.id(),
                view.providerId(),
                view.shareWith(),
                view.shareType(),
                view.path(),
                view.resourceType(),
                view.permissions(),
                view.state(),
                view.error().orElse(null),
                view.recipientDisplayName().orElse(null),
                view.expiration().orElse((Instant) null),
                view.createdAt(),
                view.mustExchangeToken());
    }
}

package io.ocmee.integration;

import io.ocmee.api.InboxLocal;
import io.ocmee.api.IncomingShareInfo;
import io.ocmee.share.IncomingShareService;
import io.ocmee.share.IncomingShareView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/**
 * {@link io.ocmee.api.Inbox} for host applications: the caller principal's received shares. The
 * answer to the sending server is queued in the caller's transaction.
 */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InboxBean implements InboxLocal {

    @EJB private IncomingShareService incoming;

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

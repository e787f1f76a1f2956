package io.ocmee.remote;

import io.ocmee.api.InboxLocal;
import io.ocmee.api.InboxRemote;
import io.ocmee.api.IncomingContent;
import io.ocmee.api.IncomingEntryInfo;
import io.ocmee.api.IncomingShareInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** {@link InboxRemote}: the local {@code InboxBean} behind a remote view. */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InboxRemoteBean implements InboxRemote {

    @EJB private InboxLocal inbox;

    @Override
    public List<IncomingShareInfo> list() {
        return inbox.list();
    }

    @Override
    public IncomingShareInfo accept(String id) {
        return inbox.accept(id);
    }

    @Override
    public IncomingShareInfo decline(String id) {
        return inbox.decline(id);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<IncomingEntryInfo> listing(String id, String path) {
        return inbox.listing(id, path);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IncomingContent read(String id, String path) {
        return inbox.read(id, path);
    }
}

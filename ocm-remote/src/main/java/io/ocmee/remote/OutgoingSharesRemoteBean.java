package io.ocmee.remote;

import io.ocmee.api.OutgoingShareInfo;
import io.ocmee.api.OutgoingSharesLocal;
import io.ocmee.api.OutgoingSharesRemote;
import io.ocmee.api.ShareRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** {@link OutgoingSharesRemote}: the local {@code OutgoingSharesBean} behind a remote view. */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OutgoingSharesRemoteBean implements OutgoingSharesRemote {

    @EJB private OutgoingSharesLocal shares;

    @Override
    public OutgoingShareInfo share(ShareRequest request) {
        return shares.share(request);
    }

    @Override
    public List<OutgoingShareInfo> list() {
        return shares.list();
    }

    @Override
    public OutgoingShareInfo get(String id) {
        return shares.get(id);
    }

    @Override
    public OutgoingShareInfo changePermissions(String id, List<String> permissions) {
        return shares.changePermissions(id, permissions);
    }

    @Override
    public void unshare(String id) {
        shares.unshare(id);
    }
}

package io.ocmee.remote;

import io.ocmee.api.ContactInfo;
import io.ocmee.api.InviteInfo;
import io.ocmee.api.InvitesLocal;
import io.ocmee.api.InvitesRemote;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** {@link InvitesRemote}: the local {@code InvitesBean} behind a remote view. */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InvitesRemoteBean implements InvitesRemote {

    @EJB private InvitesLocal invites;

    @Override
    public InviteInfo create(String description, String email, Long expiresInSeconds) {
        return invites.create(description, email, expiresInSeconds);
    }

    @Override
    public List<InviteInfo> list() {
        return invites.list();
    }

    @Override
    public void revoke(String id) {
        invites.revoke(id);
    }

    @Override
    public ContactInfo accept(String token, String providerDomain) {
        return invites.accept(token, providerDomain);
    }

    @Override
    public ContactInfo acceptInviteString(String inviteString) {
        return invites.acceptInviteString(inviteString);
    }
}

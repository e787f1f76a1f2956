package io.ocmee.integration;

import io.ocmee.api.ContactInfo;
import io.ocmee.api.InviteInfo;
import io.ocmee.api.InvitesLocal;
import io.ocmee.api.OcmApiException;
import io.ocmee.invite.ContactView;
import io.ocmee.invite.InviteRefusedException;
import io.ocmee.invite.InviteService;
import io.ocmee.invite.InviteView;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link io.ocmee.api.Invites} for host applications, as the caller principal. Accepting runs
 * outside the caller's transaction ({@link InviteService#accept} talks to the inviting server).
 */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InvitesBean implements InvitesLocal {

    @Resource private SessionContext session;

    @EJB private InviteService invites;

    @Override
    public InviteInfo create(String description, String email, Long expiresInSeconds) {
        return refusals(
                () ->
                        info(
                                invites.create(
                                        caller(),
                                        Optional.ofNullable(description),
                                        Optional.ofNullable(email),
                                        Optional.ofNullable(expiresInSeconds))));
    }

    @Override
    public List<InviteInfo> list() {
        return invites.list(caller()).stream().map(InvitesBean::info).toList();
    }

    @Override
    public void revoke(String id) {
        refusals(
                () -> {
                    invites.revoke(caller(), id);
                    return null;
                });
    }

    @Override
    public ContactInfo accept(String token, String providerDomain) {
        return refusals(() -> info(invites.accept(caller(), token, providerDomain)));
    }

    @Override
    public ContactInfo acceptInviteString(String inviteString) {
        return refusals(() -> info(invites.acceptInviteString(caller(), inviteString)));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    static <T> T refusals(Supplier<T> call) {
        try {
            return call.get();
        } catch (InviteRefusedException e) {
            throw new OcmApiException(e.status(), e.getMessage());
        }
    }

    static InviteInfo info(InviteView view) {
        return new InviteInfo(
                view.id(),
                view.token(),
                view.inviteString(),
                view.inviteLink(),
                view.description(),
                view.email(),
                view.expiresAt(),
                view.createdAt(),
                view.state());
    }

    static ContactInfo info(ContactView view) {
        return new ContactInfo(
                view.id(),
                view.address(),
                view.name(),
                view.email(),
                view.provider(),
                view.createdAt());
    }
}

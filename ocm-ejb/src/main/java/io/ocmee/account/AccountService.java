package io.ocmee.account;

import io.ocmee.settings.OcmSettings;
import io.ocmee.spi.LocalUser;
import io.ocmee.spi.UserDirectory;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Answers for the calling user; every operation needs the {@code ocm-user} role. */
@Stateless
@RolesAllowed("ocm-user")
public class AccountService {

    @Resource private SessionContext session;

    @Inject private OcmSettings settings;

    @Inject private UserDirectory directory;

    /**
     * @return the calling user with their OCM address; a caller the directory does not know is
     *     shown with its principal name as display name
     */
    public Account me() {
        String name = session.getCallerPrincipal().getName();
        Optional<LocalUser> user = directory.find(name);
        String displayName = user.map(LocalUser::displayName).orElse(name);
        return new Account(name, name + "@" + settings.providerAuthority(), displayName);
    }
}

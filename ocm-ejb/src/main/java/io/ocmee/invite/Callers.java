package io.ocmee.invite;

import jakarta.ejb.SessionContext;

/** The services take the acting user's name from their callers; it must be the caller's own. */
final class Callers {

    private Callers() {}

    /**
     * @throws InviteRefusedException 403 if {@code user} is not the authenticated caller
     */
    static void require(SessionContext session, String user) {
        String caller = session.getCallerPrincipal().getName();
        if (user == null || !user.equals(caller)) {
            throw new InviteRefusedException(
                    403, "Request rejected: a user may act only on their own invites and contacts");
        }
    }
}

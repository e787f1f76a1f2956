package io.ocmee.it.caller;

import io.ocmee.api.InboxLocal;
import io.ocmee.api.OutgoingShareInfo;
import io.ocmee.api.OutgoingSharesLocal;
import io.ocmee.api.ShareRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The host's own transactional work: shares through the module inside this bean's transaction, then
 * commits or rolls it back.
 */
@Stateless
@PermitAll
public class CallerBean {

    /**
     * Where the module (deployed as {@code ocm-micro.war}) publishes its share view. Payara Micro
     * has no remote views (no ORB); the local view is reachable from this second application
     * because both see the one {@code ocm-api} jar on the server's common class path ({@code
     * --addLibs}).
     */
    public static final String SHARES =
            "java:global/ocm-micro/OutgoingSharesBean!io.ocmee.api.OutgoingSharesLocal";

    /** The module's invite view. */
    public static final String INVITES =
            "java:global/ocm-micro/InvitesBean!io.ocmee.api.InvitesLocal";

    /** The module's contact view. */
    public static final String CONTACTS =
            "java:global/ocm-micro/ContactsBean!io.ocmee.api.ContactsLocal";

    @Resource private SessionContext context;

    /**
     * @param request what to share
     * @param rollBack whether the transaction is rolled back after the share was made
     * @return the share's id, and whether the share was visible inside the transaction
     */
    public String share(ShareRequest request, boolean rollBack) {
        OutgoingSharesLocal shares = shares();
        OutgoingShareInfo made = shares.share(request);
        boolean visible = shares.list().stream().anyMatch(s -> s.id().equals(made.id()));
        if (rollBack) {
            context.setRollbackOnly();
        }
        return made.id() + " visibleInside=" + visible;
    }

    static OutgoingSharesLocal shares() {
        return lookup(SHARES, OutgoingSharesLocal.class);
    }

    static InboxLocal inbox() {
        return lookup(CallerInbox.INBOX, InboxLocal.class);
    }

    static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("lookup of " + name + " failed", e);
        }
    }
}

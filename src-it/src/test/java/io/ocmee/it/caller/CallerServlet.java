package io.ocmee.it.caller;

import io.ocmee.api.OcmApiException;
import io.ocmee.api.OutgoingShareInfo;
import io.ocmee.api.ShareRequest;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The host application's entry: {@code POST /caller/call?op=...} as an authenticated user (BASIC,
 * the server's file realm), or {@code POST /caller/anonymous?op=...} without any login (a caller
 * without the role {@code ocm-user}). Shares take {@code shareWith} and {@code path}; the inbox
 * operations take the share's {@code id} and a {@code path} inside it. Answers plain text: {@code
 * ok ...}, {@code refused <exception>} (403) or {@code failed <status> <message>} (400).
 */
@WebServlet({"/call", "/anonymous"})
public class CallerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB private CallerBean caller;

    @EJB private CallerInbox inbox;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String op = request.getParameter("op");
        ShareRequest share =
                ShareRequest.of(
                        request.getParameter("shareWith"), request.getParameter("path"), "read");
        String answer;
        try {
            answer =
                    switch (op) {
                        case "commit" -> "ok " + caller.share(share, false);
                        case "rollback" -> "ok " + caller.share(share, true);
                        case "direct" -> "ok " + CallerBean.shares().share(share).id();
                        case "list" ->
                                "ok "
                                        + CallerBean.shares().list().stream()
                                                .map(OutgoingShareInfo::path)
                                                .collect(Collectors.joining(","));
                        case "invite" -> {
                            io.ocmee.api.InviteInfo made =
                                    CallerBean.lookup(
                                                    CallerBean.INVITES,
                                                    io.ocmee.api.InvitesLocal.class)
                                            .create("from the host", null, null);
                            int contacts =
                                    CallerBean.lookup(
                                                    CallerBean.CONTACTS,
                                                    io.ocmee.api.ContactsLocal.class)
                                            .list()
                                            .size();
                            yield "ok "
                                    + made.state()
                                    + " token="
                                    + (made.token() != null)
                                    + " contacts="
                                    + contacts;
                        }
                        case "inbox" -> "ok " + inbox.find(request.getParameter("path"));
                        case "accept" ->
                                "ok "
                                        + CallerBean.inbox()
                                                .accept(request.getParameter("id"))
                                                .state();
                        case "listing" -> "ok " + inbox.listing(request);
                        case "read" -> "ok " + inbox.read(request);
                        case "open" -> "ok " + inbox.open(request);
                        default -> throw new IllegalArgumentException("unknown op " + op);
                    };
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof jakarta.ejb.EJBAccessException) {
                    response.setStatus(403);
                    response.getWriter().print("refused " + cause.getClass().getName());
                    return;
                }
                if (cause instanceof OcmApiException refused) {
                    response.setStatus(400);
                    response.getWriter()
                            .print("failed " + refused.status() + " " + refused.getMessage());
                    return;
                }
                cause = cause.getCause();
            }
            throw e;
        }
        response.setContentType("text/plain");
        response.getWriter().print(answer);
    }
}

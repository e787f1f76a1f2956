package io.ocmee.rest.pages;

import io.ocmee.invite.ContactView;
import io.ocmee.invite.InviteRefusedException;
import io.ocmee.invite.InviteService;
import io.ocmee.rest.errors.RefusalStatus;
import io.ocmee.settings.OcmSettings;
import io.ocmee.wayf.WayfService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The invite acceptance dialog, advertised as {@code inviteAcceptDialog} (OCM-NOTES §5.2): {@code
 * GET /ocm/accept-invite?token=…&providerDomain=…}. The person signs in through the container (the
 * {@code web.xml} constraint), sees who invites them and from which server, and accepts or declines
 * with a POST to the same path. Accepting calls {@link InviteService#accept} and shows the new
 * contact or the refusal with its reason; declining sends nothing (OCM has no message for it).
 */
@Path("/ocm/accept-invite")
@Produces("text/html;charset=UTF-8")
public class AcceptInvitePage {

    private static final String TITLE = "Accept an invite";

    @Inject private InviteService invites;

    @Inject private WayfService wayf;

    @Inject private FormGuard guard;

    @Inject private OcmSettings settings;

    @Context private SecurityContext security;

    /**
     * @param token the invite token
     * @param providerDomain the inviting server, {@code host[:port]}
     * @return the dialog; 400 when a parameter is missing
     */
    @GET
    public Response show(
            @QueryParam("token") String token,
            @QueryParam("providerDomain") String providerDomain) {
        if (isBlank(token) || isBlank(providerDomain)) {
            return message(
                    Response.Status.BAD_REQUEST,
                    "error",
                    "Invite rejected: the link lacks its token or inviting server; open the"
                            + " invite link again or ask for a new one");
        }
        String inviter = wayf.providerName(providerDomain).orElse(null);
        Html body = new Html().raw("<h1>Accept an invite</h1>");
        body.raw("<p>Signed in as <strong>")
                .text(user())
                .raw("</strong> on ")
                .text(settings.providerAuthority())
                .raw(".</p>")
                .raw("<p>A user of ");
        if (inviter != null) {
            body.element("strong", inviter).raw(" (").text(providerDomain).raw(")");
        } else {
            body.element("strong", providerDomain);
        }
        body.raw(
                        " invites you to become contacts. If you accept, this server sends them"
                                + " your user id, name and e-mail address, and each of you can"
                                + " then share files with the other.</p>")
                .raw("<form method=\"post\" action=\"/ocm/accept-invite\">")
                .hidden("token", token)
                .hidden("providerDomain", providerDomain)
                .hidden("csrf", guard.tokenFor(user()))
                .raw("<button type=\"submit\" name=\"decision\" value=\"accept\">Accept</button>")
                .raw("<button type=\"submit\" name=\"decision\" value=\"decline\">Decline</button>")
                .raw("</form>");
        return PageResponse.page(Response.Status.OK, TITLE, body);
    }

    /**
     * @param token the invite token
     * @param providerDomain the inviting server
     * @param decision {@code accept} or {@code decline}
     * @param csrf the form token
     * @param origin the {@code Origin} header
     * @param fetchSite the {@code Sec-Fetch-Site} header
     * @return the outcome page: 200 accepted or declined, else the refusal's status
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @FormParam("token") String token,
            @FormParam("providerDomain") String providerDomain,
            @FormParam("decision") String decision,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        if (!guard.accepts(user(), csrf, origin, fetchSite)) {
            return message(Response.Status.FORBIDDEN, "error", FormGuard.REFUSED);
        }
        if ("decline".equals(decision)) {
            return message(
                    Response.Status.OK,
                    "notice",
                    "Invite declined. Nothing was sent to " + nullToEmpty(providerDomain) + ".");
        }
        if (!"accept".equals(decision)) {
            return message(
                    Response.Status.BAD_REQUEST,
                    "error",
                    "Invite rejected: choose Accept or Decline");
        }
        try {
            ContactView contact = invites.accept(user(), token, providerDomain);
            Html body =
                    new Html()
                            .raw("<h1>Invite accepted</h1><p class=\"notice\" role=\"status\">")
                            .raw("You and ")
                            .element("strong", contact.name())
                            .raw(" (")
                            .text(contact.address())
                            .raw(") are now contacts.</p>")
                            .raw("<p><a href=\"/ocm/inbox\">Go to your inbox</a></p>");
            return PageResponse.page(Response.Status.OK, "Invite accepted", body);
        } catch (InviteRefusedException e) {
            return message(RefusalStatus.of(e.status()), "error", e.getMessage());
        }
    }

    private Response message(Response.Status status, String kind, String text) {
        Html body =
                new Html()
                        .raw("<h1>Accept an invite</h1><p")
                        .attr("class", kind)
                        .attr("role", kind.equals("error") ? "alert" : "status")
                        .raw(">")
                        .text(text)
                        .raw("</p><p><a href=\"/ocm/inbox\">Go to your inbox</a></p>");
        return PageResponse.page(status, TITLE, body);
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

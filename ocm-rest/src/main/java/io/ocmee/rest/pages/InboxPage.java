package io.ocmee.rest.pages;

import io.ocmee.account.Account;
import io.ocmee.account.AccountService;
import io.ocmee.invite.ContactService;
import io.ocmee.invite.ContactView;
import io.ocmee.invite.InviteRefusedException;
import io.ocmee.invite.InviteService;
import io.ocmee.invite.InviteView;
import io.ocmee.rest.errors.RefusalStatus;
import io.ocmee.settings.OcmSettings;
import io.ocmee.share.IncomingShareService;
import io.ocmee.share.IncomingShareView;
import io.ocmee.share.NewShareRequest;
import io.ocmee.share.OutgoingShareService;
import io.ocmee.share.OutgoingShareView;
import io.ocmee.share.ShareRefusedException;
import io.ocmee.spi.ResourceStorageException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small inbox for the embedded default, {@code GET /ocm/inbox} (role {@code ocm-user}): incoming
 * shares with accept / decline / open, outgoing shares with their state, contacts, invites (with a
 * form that makes one and shows its link once) and a form to share a file with a contact.
 *
 * <p>Each action is a POST below {@code /ocm/inbox/…} checked by {@link FormGuard}; success answers
 * 303 back to the inbox with a short notice code (Post/Redirect/Get), except a new invite, whose
 * link exists only in the answer of its creation and is therefore shown at once. Refusals show the
 * inbox again with the service's reason and its status.
 */
@Path("/ocm/inbox")
@Produces("text/html;charset=UTF-8")
public class InboxPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Map<String, String> NOTICES =
            Map.of(
                    "accepted", "Share accepted.",
                    "declined", "Share declined.",
                    "shared", "Share sent. Its state below changes once the receiver answers.",
                    "revoked", "Invite revoked.",
                    "contact-deleted", "Contact deleted.");

    @Inject private AccountService accounts;

    @Inject private IncomingShareService incoming;

    @Inject private OutgoingShareService outgoing;

    @Inject private ContactService contacts;

    @Inject private InviteService invites;

    @Inject private FormGuard guard;

    @Inject private OcmSettings settings;

    @Context private SecurityContext security;

    /**
     * @param notice a notice code set by the redirect after an action
     * @return the inbox
     */
    @GET
    public Response show(@QueryParam("notice") String notice) {
        return render(Response.Status.OK, notice == null ? null : NOTICES.get(notice), null, null);
    }

    /**
     * @return 303 to the inbox, or the inbox with the reason
     */
    @POST
    @Path("incoming/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(
            @PathParam("id") String id,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        return act(csrf, origin, fetchSite, "accepted", () -> incoming.accept(id));
    }

    /**
     * @return 303 to the inbox, or the inbox with the reason
     */
    @POST
    @Path("incoming/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(
            @PathParam("id") String id,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        return act(csrf, origin, fetchSite, "declined", () -> incoming.decline(id));
    }

    /**
     * @param shareWith the recipient's OCM address (a contact's)
     * @param path the file or folder in the caller's space
     * @param permissions the chosen permissions
     * @return 303 to the inbox, or the inbox with the reason
     */
    @POST
    @Path("shares")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(
            @FormParam("shareWith") String shareWith,
            @FormParam("path") String path,
            @FormParam("permission") List<String> permissions,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        NewShareRequest request =
                new NewShareRequest(
                        blankToNull(shareWith),
                        blankToNull(path),
                        permissions == null ? List.of() : permissions,
                        Optional.empty(),
                        Optional.empty(),
                        false);
        return act(csrf, origin, fetchSite, "shared", () -> outgoing.create(request));
    }

    /**
     * @param description an optional note
     * @param email an optional e-mail address of the invitee
     * @return the inbox showing the new invite's link once, or the reason it was refused
     */
    @POST
    @Path("invites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(
            @FormParam("description") String description,
            @FormParam("email") String email,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        if (!guard.accepts(user(), csrf, origin, fetchSite)) {
            return render(Response.Status.FORBIDDEN, null, FormGuard.REFUSED, null);
        }
        try {
            InviteView created =
                    invites.create(
                            user(),
                            Optional.ofNullable(blankToNull(description)),
                            Optional.ofNullable(blankToNull(email)),
                            Optional.empty());
            return render(Response.Status.CREATED, "Invite created.", null, created);
        } catch (InviteRefusedException e) {
            return render(RefusalStatus.of(e.status()), null, e.getMessage(), null);
        }
    }

    /**
     * @return 303 to the inbox, or the inbox with the reason
     */
    @POST
    @Path("invites/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(
            @PathParam("id") String id,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        return act(
                csrf,
                origin,
                fetchSite,
                "revoked",
                () -> {
                    invites.revoke(user(), id);
                    return null;
                });
    }

    /**
     * @return 303 to the inbox, or the inbox with the reason
     */
    @POST
    @Path("contacts/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteContact(
            @PathParam("id") String id,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        return act(
                csrf,
                origin,
                fetchSite,
                "contact-deleted",
                () -> {
                    contacts.delete(user(), id);
                    return null;
                });
    }

    private Response act(
            String csrf, String origin, String fetchSite, String notice, Supplier<?> action) {
        if (!guard.accepts(user(), csrf, origin, fetchSite)) {
            return render(Response.Status.FORBIDDEN, null, FormGuard.REFUSED, null);
        }
        try {
            action.get();
        } catch (ShareRefusedException e) {
            return render(RefusalStatus.of(e.status()), null, e.getMessage(), null);
        } catch (InviteRefusedException e) {
            return render(RefusalStatus.of(e.status()), null, e.getMessage(), null);
        } catch (ResourceStorageException e) {
            return render(Response.Status.BAD_REQUEST, null, e.getMessage(), null);
        }
        return PageResponse.seeOther(
                UriBuilder.fromUri(settings.publicUrl())
                        .path("/ocm/inbox")
                        .queryParam("notice", notice)
                        .build());
    }

    private Response render(
            Response.Status status, String notice, String error, InviteView created) {
        Account me = accounts.me();
        String csrf = guard.tokenFor(me.user());
        List<ContactView> contactList = contacts.list(me.user());
        Html body = new Html().raw("<h1>Inbox</h1><p>Signed in as <strong>");
        body.text(me.displayName()).raw("</strong> (").text(me.address()).raw(").</p>");
        if (notice != null) {
            body.raw("<p class=\"notice\" role=\"status\">").text(notice).raw("</p>");
        }
        if (error != null) {
            body.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
        }
        if (created != null) {
            newInvite(body, created);
        }
        incomingShares(body, csrf);
        shareForm(body, csrf, contactList);
        outgoingShares(body);
        contactsSection(body, csrf, contactList);
        invitesSection(body, csrf);
        return PageResponse.page(status, "Inbox", body);
    }

    private static void newInvite(Html body, InviteView created) {
        body.raw("<section aria-labelledby=\"new-invite\" class=\"notice\">")
                .raw("<h2 id=\"new-invite\">Your new invite</h2>")
                .raw("<p>Send the link to the person you invite; it is shown only now.</p>")
                .raw("<label for=\"invite-link\">Invite link</label>")
                .raw("<input type=\"text\" id=\"invite-link\" readonly")
                .attr("value", created.inviteLink())
                .raw("><p><a id=\"invite-link-anchor\"")
                .attr("href", created.inviteLink())
                .raw(">Open the invite link</a></p>")
                .raw("<label for=\"invite-string\">Invite string (for servers without a WAYF")
                .raw(" page)</label><input type=\"text\" id=\"invite-string\" readonly")
                .attr("value", created.inviteString())
                .raw(">")
                .raw("<p>Valid until ")
                .text(TIME.format(created.expiresAt()))
                .raw(".</p></section>");
    }

    private void incomingShares(Html body, String csrf) {
        List<IncomingShareView> shares = incoming.inbox();
        body.raw("<section aria-labelledby=\"incoming\"><h2 id=\"incoming\">Shared with you</h2>");
        if (shares.isEmpty()) {
            body.raw("<p>Nothing has been shared with you yet.</p></section>");
            return;
        }
        body.raw("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">From</th>")
                .raw("<th scope=\"col\">Permissions</th><th scope=\"col\">State</th>")
                .raw("<th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (IncomingShareView share : shares) {
            body.raw("<tr><td>")
                    .text(share.name())
                    .raw(" <small>(")
                    .text(share.resourceType())
                    .raw(")</small></td><td>")
                    .text(share.senderDisplayName().map(n -> n + " ").orElse(""))
                    .raw("<small>")
                    .text(share.sender())
                    .raw("</small>")
                    .raw(share.fromContact() ? "" : " <small>(not a contact)</small>")
                    .raw("</td><td>")
                    .text(String.join(", ", share.permissions()))
                    .raw("</td><td>")
                    .text(share.state())
                    .raw("</td><td>");
            if (share.state().equals("pending")) {
                actionButton(
                        body,
                        "/ocm/inbox/incoming/" + share.id() + "/accept",
                        csrf,
                        "Accept",
                        share.name());
                actionButton(
                        body,
                        "/ocm/inbox/incoming/" + share.id() + "/decline",
                        csrf,
                        "Decline",
                        share.name());
            }
            if (share.state().equals("accepted") && share.resourceType().equals("file")) {
                body.raw("<a")
                        .attr("href", "/api/v1/shares/incoming/" + share.id() + "/content")
                        .attr("aria-label", "Open " + share.name())
                        .raw(">Open</a>");
            }
            body.raw("</td></tr>");
        }
        body.raw("</tbody></table></section>");
    }

    private static void shareForm(Html body, String csrf, List<ContactView> contactList) {
        body.raw("<section aria-labelledby=\"share\"><h2 id=\"share\">Share a file</h2>");
        if (contactList.isEmpty()) {
            body.raw("<p>You have no contacts yet: create an invite below and send its link.</p>")
                    .raw("</section>");
            return;
        }
        postForm(body, null, "/ocm/inbox/shares", csrf);
        field(
                        body,
                        "share-path",
                        "File or folder in your files",
                        "text",
                        "path",
                        " required placeholder=\"docs/report.pdf\"")
                .raw("<label for=\"share-with\">Share with</label>")
                .raw("<select id=\"share-with\" name=\"shareWith\" required>");
        for (ContactView contact : contactList) {
            body.raw("<option")
                    .attr("value", contact.address())
                    .raw(">")
                    .text(contact.name() + " (" + contact.address() + ")")
                    .raw("</option>");
        }
        body.raw("</select><fieldset><legend>Permissions</legend>")
                .raw("<input type=\"checkbox\" id=\"perm-read\" name=\"permission\" value=\"read\"")
                .raw(" checked><label for=\"perm-read\" style=\"display:inline\">Read</label> ")
                .raw("<input type=\"checkbox\" id=\"perm-write\" name=\"permission\"")
                .raw(" value=\"write\"><label for=\"perm-write\" style=\"display:inline\">")
                .raw("Write</label></fieldset>")
                .raw("<button type=\"submit\">Share</button></form></section>");
    }

    private void outgoingShares(Html body) {
        List<OutgoingShareView> shares = outgoing.list();
        body.raw("<section aria-labelledby=\"outgoing\"><h2 id=\"outgoing\">Shared by you</h2>");
        if (shares.isEmpty()) {
            body.raw("<p>You have not shared anything yet.</p></section>");
            return;
        }
        body.raw("<table><thead><tr><th scope=\"col\">Path</th><th scope=\"col\">With</th>")
                .raw("<th scope=\"col\">Permissions</th><th scope=\"col\">State</th></tr>")
                .raw("</thead><tbody>");
        for (OutgoingShareView share : shares) {
            body.raw("<tr><td>")
                    .text(share.path())
                    .raw("</td><td>")
                    .text(share.recipientDisplayName().map(n -> n + " ").orElse(""))
                    .raw("<small>")
                    .text(share.shareWith())
                    .raw("</small></td><td>")
                    .text(String.join(", ", share.permissions()))
                    .raw("</td><td>")
                    .text(share.state())
                    .text(share.error().map(e -> ": " + e).orElse(""))
                    .raw("</td></tr>");
        }
        body.raw("</tbody></table></section>");
    }

    private static void contactsSection(Html body, String csrf, List<ContactView> contactList) {
        body.raw("<section aria-labelledby=\"contacts\"><h2 id=\"contacts\">Contacts</h2>");
        if (contactList.isEmpty()) {
            body.raw("<p>No contacts yet.</p></section>");
            return;
        }
        body.raw("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Address</th>")
                .raw("<th scope=\"col\">Server</th><th scope=\"col\">Since</th>")
                .raw("<th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (ContactView contact : contactList) {
            body.raw("<tr><td>")
                    .text(contact.name())
                    .raw("</td><td>")
                    .text(contact.address())
                    .raw("</td><td>")
                    .text(contact.provider())
                    .raw("</td><td>")
                    .text(TIME.format(contact.createdAt()))
                    .raw("</td><td>");
            actionButton(
                    body,
                    "/ocm/inbox/contacts/" + contact.id() + "/delete",
                    csrf,
                    "Delete",
                    contact.name());
            body.raw("</td></tr>");
        }
        body.raw("</tbody></table></section>");
    }

    private void invitesSection(Html body, String csrf) {
        body.raw("<section aria-labelledby=\"invites\"><h2 id=\"invites\">Invites</h2>");
        postForm(body, null, "/ocm/inbox/invites", csrf);
        field(
                body,
                "invite-description",
                "Note (optional)",
                "text",
                "description",
                " maxlength=\"1000\"");
        field(
                        body,
                        "invite-email",
                        "E-mail of the person invited (optional)",
                        "email",
                        "email",
                        " maxlength=\"320\"")
                .raw("<button type=\"submit\">Create invite</button></form>");
        List<InviteView> list = invites.list(user());
        if (list.isEmpty()) {
            body.raw("</section>");
            return;
        }
        body.raw("<table><thead><tr><th scope=\"col\">Note</th><th scope=\"col\">For</th>")
                .raw("<th scope=\"col\">State</th><th scope=\"col\">Valid until</th>")
                .raw("<th scope=\"col\">Actions</th></tr></thead><tbody>");
        for (InviteView invite : list) {
            body.raw("<tr><td>")
                    .text(invite.description())
                    .raw("</td><td>")
                    .text(invite.email())
                    .raw("</td><td>")
                    .text(invite.state())
                    .raw("</td><td>")
                    .text(TIME.format(invite.expiresAt()))
                    .raw("</td><td>");
            if (invite.state().equals("pending")) {
                actionButton(
                        body,
                        "/ocm/inbox/invites/" + invite.id() + "/revoke",
                        csrf,
                        "Revoke",
                        "invite");
            }
            body.raw("</td></tr>");
        }
        body.raw("</tbody></table></section>");
    }

    private static void actionButton(
            Html body, String action, String csrf, String label, String of) {
        postForm(body, "inline", action, csrf)
                .raw("<button type=\"submit\"")
                .attr("aria-label", label + " " + of)
                .raw(">")
                .text(label)
                .raw("</button></form>");
    }

    /**
     * Opens a POST form of the inbox carrying the caller's CSRF token (checked by {@link
     * FormGuard}); the caller adds the fields and closes it.
     *
     * @param cssClass the form's class, or {@code null} for none
     * @param action the path it posts to, below the public URL
     */
    private static Html postForm(Html body, String cssClass, String action, String csrf) {
        body.raw("<form");
        if (cssClass != null) {
            body.attr("class", cssClass);
        }
        return body.attr("method", "post").attr("action", action).raw(">").hidden("csrf", csrf);
    }

    /**
     * A labelled input field.
     *
     * @param more constant markup of further attributes, starting with a space
     */
    private static Html field(
            Html body, String id, String label, String type, String name, String more) {
        return body.raw("<label")
                .attr("for", id)
                .raw(">")
                .text(label)
                .raw("</label><input")
                .attr("type", type)
                .attr("id", id)
                .attr("name", name)
                .raw(more)
                .raw(">");
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.ocmee.rest.pages;

import io.ocmee.settings.OcmSettings;
import io.ocmee.wayf.DirectoryListing;
import io.ocmee.wayf.DirectoryServer;
import io.ocmee.wayf.WayfChoiceException;
import io.ocmee.wayf.WayfServer;
import io.ocmee.wayf.WayfService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The public WAYF ("Where are you from?") page of invite links, {@code GET /ocm/wayf?token=…}
 * (OCM-NOTES §5.2). It offers the servers this one trusts, those of the configured Directory
 * Services, and a field for any other server address. Choosing one submits {@code GET
 * /ocm/wayf/continue?token=…&server=…}, which answers 303 to that server's invite acceptance dialog
 * with {@code token} and {@code providerDomain}, or shows the page again with the reason (400 bad
 * input, 502 the server cannot take the invite, 429 too many lookups).
 *
 * <p>A GET form: choosing a server changes nothing here, and the page works without script or
 * session.
 */
@Path("/ocm/wayf")
@Produces("text/html;charset=UTF-8")
public class WayfPage {

    @Inject private WayfService wayf;

    @Inject private OcmSettings settings;

    /**
     * @param token the invite token of the link
     * @return the page; 400 without a token
     */
    @GET
    public Response show(@QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            return page(
                    Response.Status.BAD_REQUEST,
                    null,
                    "Invite link rejected: it carries no token; ask for a new invite link",
                    null);
        }
        return page(Response.Status.OK, token, null, null);
    }

    /**
     * @param token the invite token of the link
     * @param server the chosen server
     * @return 303 to the chosen server's invite acceptance dialog, or the page with the reason
     */
    @GET
    @Path("continue")
    public Response choose(@QueryParam("token") String token, @QueryParam("server") String server) {
        try {
            return PageResponse.seeOther(wayf.redirectFor(token, server));
        } catch (WayfChoiceException e) {
            return page(statusOf(e, token), token, e.getMessage(), e.inviteString());
        }
    }

    private static Response.Status statusOf(WayfChoiceException e, String token) {
        return switch (e.reason()) {
            case BAD_INPUT -> Response.Status.BAD_REQUEST;
            case TOO_MANY_LOOKUPS -> Response.Status.TOO_MANY_REQUESTS;
            case UNUSABLE_SERVER -> Response.Status.BAD_GATEWAY;
        };
    }

    private Response page(Response.Status status, String token, String error, String inviteStr) {
        Html body = new Html().raw("<h1>Where are you from?</h1>");
        if (error != null) {
            body.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
            if (inviteStr != null) {
                body.raw("<p><label for=\"invite-string\">Invite string</label>")
                        .raw("<input type=\"text\" id=\"invite-string\" readonly")
                        .attr("value", inviteStr)
                        .raw("></p>");
            }
        }
        if (token == null || token.isBlank()) {
            return PageResponse.page(status, "Where are you from?", body);
        }
        body.raw("<p>You were invited to become a contact of someone on ")
                .element("strong", settings.providerName())
                .raw(" (")
                .text(settings.providerAuthority())
                .raw("). Choose the server where you have an account: you will sign in there and")
                .raw(" accept the invite.</p>");
        List<WayfServer> known = wayf.knownServers();
        if (!known.isEmpty()) {
            body.raw("<section aria-labelledby=\"known\"><h2 id=\"known\">Known servers</h2>");
            serverButtons(
                    body, token, known.stream().map(s -> new Choice(s.authority(), s.name())));
            body.raw("</section>");
        }
        int index = 0;
        for (DirectoryListing directory : wayf.directories()) {
            String id = "directory-" + index++;
            body.raw("<section")
                    .attr("aria-labelledby", id)
                    .raw("><h2")
                    .attr("id", id)
                    .raw(">")
                    .text(directory.federation())
                    .raw("</h2>");
            serverButtons(
                    body,
                    token,
                    directory.servers().stream()
                            .map(
                                    (DirectoryServer s) ->
                                            new Choice(s.authority(), s.displayName())));
            body.raw("</section>");
        }
        body.raw("<section aria-labelledby=\"other\"><h2 id=\"other\">Another server</h2>")
                .raw("<form method=\"get\" action=\"/ocm/wayf/continue\">")
                .hidden("token", token)
                .raw("<label for=\"server\">Address of your server</label>")
                .raw("<input type=\"text\" id=\"server\" name=\"server\" required")
                .raw(" placeholder=\"cloud.example.org\" autocomplete=\"url\"")
                .raw(" aria-describedby=\"server-hint\">")
                .raw("<p id=\"server-hint\">For example cloud.example.org, cloud.example.org:8443,")
                .raw(" or your address such as you@cloud.example.org.</p>")
                .raw("<button type=\"submit\">Continue</button></form></section>");
        return PageResponse.page(status, "Where are you from?", body);
    }

    private static void serverButtons(
            Html body, String token, java.util.stream.Stream<Choice> all) {
        body.raw("<form method=\"get\" action=\"/ocm/wayf/continue\">")
                .hidden("token", token)
                .raw("<ul class=\"servers\">");
        all.forEach(
                choice ->
                        body.raw("<li><button type=\"submit\" name=\"server\"")
                                .attr("value", choice.authority())
                                .raw(">")
                                .text(choice.name())
                                .raw(choice.name().equals(choice.authority()) ? "" : " (")
                                .text(
                                        choice.name().equals(choice.authority())
                                                ? ""
                                                : choice.authority())
                                .raw(choice.name().equals(choice.authority()) ? "" : ")")
                                .raw("</button></li>"));
        body.raw("</ul></form>");
    }

    private record Choice(String authority, String name) {}
}

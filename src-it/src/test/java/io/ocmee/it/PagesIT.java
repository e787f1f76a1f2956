package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signed-in pages over plain HTTP: sign-in required, the form guard's refusals (no token,
 * another user's token, another origin, a cross-site fetch), and the answers of the invite dialog
 * and the inbox forms to bad input. {@link BrowserIT} covers the successful flow in a browser.
 */
@ExtendWith(Federation.Extension.class)
class PagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void signedInPagesNeedCredentials(Federation federation) {
        OcmInstance a = federation.a();

        assertThat(Http.get(a.url() + "/ocm/inbox").status()).isEqualTo(401);
        assertThat(Http.get(a.url() + "/ocm/accept-invite?token=t&providerDomain=x").status())
                .isEqualTo(401);
        assertThat(Http.get(a.url() + "/ocm/wayf?token=t").status()).isEqualTo(200);
    }

    @Test
    void theInboxShowsTheUserAndEscapesWhatItShows(Federation federation) {
        OcmInstance a = federation.a();
        Http.Reply inbox = Http.get(a.url() + "/ocm/inbox", "carol", "carol");

        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.contentType()).startsWith("text/html");
        assertThat(inbox.body())
                .contains("carol@" + a.authority())
                .contains("<label for=\"invite-description\">Note (optional)</label>");

        Http.Reply invite =
                form(
                        a,
                        "carol",
                        "/ocm/inbox/invites",
                        csrf(a, "carol"),
                        a.url(),
                        "description",
                        "<script>x</script>");
        assertThat(invite.status()).isEqualTo(201);
        assertThat(invite.body())
                .contains("Your new invite")
                .contains("value=\"" + a.url() + "/ocm/wayf?token=")
                .contains("&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void refusesFormsWithoutAValidTokenOrFromAnotherSite(Federation federation) {
        OcmInstance a = federation.a();
        String carols = csrf(a, "carol");
        String refused = "Form rejected: it has expired or was sent from another site";

        Http.Reply none = form(a, "carol", "/ocm/inbox/invites", null, a.url());
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body()).contains(refused);

        Http.Reply othersToken = form(a, "alice", "/ocm/inbox/invites", carols, a.url());
        assertThat(othersToken.status()).isEqualTo(403);
        assertThat(othersToken.body()).contains(refused);

        Http.Reply forged = form(a, "carol", "/ocm/inbox/invites", carols + "x", a.url());
        assertThat(forged.status()).isEqualTo(403);

        Http.Reply otherOrigin =
                form(a, "carol", "/ocm/inbox/invites", carols, "http://attacker.example");
        assertThat(otherOrigin.status()).isEqualTo(403);
        assertThat(otherOrigin.body()).contains(refused);

        Http.Reply crossSite =
                send(
                        a,
                        "carol",
                        "/ocm/inbox/invites",
                        "csrf=" + enc(carols),
                        a.url(),
                        "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);

        Http.Reply dialog =
                form(
                        a,
                        "carol",
                        "/ocm/accept-invite",
                        null,
                        a.url(),
                        "token",
                        "t",
                        "providerDomain",
                        "localhost:1",
                        "decision",
                        "accept");
        assertThat(dialog.status()).isEqualTo(403);
        assertThat(dialog.body()).contains(refused);
        assertThat(a.log()).contains("OCM-0910 Form of user carol rejected:");
    }

    @Test
    void theDialogShowsRefusalsWithTheirReason(Federation federation) {
        OcmInstance a = federation.a();
        OcmInstance b = federation.b();

        Http.Reply missing = Http.get(b.url() + "/ocm/accept-invite?token=abc", "carol", "carol");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Invite rejected: the link lacks its token");

        Http.Reply shown =
                Http.get(
                        b.url()
                                + "/ocm/accept-invite?token=unknown-token&providerDomain="
                                + enc(a.authority()),
                        "carol",
                        "carol");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("<strong>OCM-EE</strong> (" + a.authority() + ")")
                .contains(">Accept</button>")
                .contains(">Decline</button>");

        Http.Reply unknown =
                form(
                        b,
                        "carol",
                        "/ocm/accept-invite",
                        csrf(b, "carol"),
                        b.url(),
                        "token",
                        "unknown-token-" + System.nanoTime(),
                        "providerDomain",
                        a.authority(),
                        "decision",
                        "accept");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("class=\"error\"").contains("rejected");

        Http.Reply declined =
                form(
                        b,
                        "carol",
                        "/ocm/accept-invite",
                        csrf(b, "carol"),
                        b.url(),
                        "token",
                        "t",
                        "providerDomain",
                        a.authority(),
                        "decision",
                        "decline");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body())
                .contains("Invite declined. Nothing was sent to " + a.authority() + ".");
    }

    @Test
    void theInboxShowsWhyAnActionWasRefused(Federation federation) {
        OcmInstance a = federation.a();

        Http.Reply unknownShare =
                form(
                        a,
                        "carol",
                        "/ocm/inbox/incoming/no-such-share/accept",
                        csrf(a, "carol"),
                        a.url());
        assertThat(unknownShare.status()).isEqualTo(404);
        assertThat(unknownShare.body()).contains("class=\"error\" role=\"alert\"");

        Http.Reply noFile =
                form(
                        a,
                        "carol",
                        "/ocm/inbox/shares",
                        csrf(a, "carol"),
                        a.url(),
                        "path",
                        "missing-" + System.nanoTime() + ".txt",
                        "shareWith",
                        "bob@localhost:1",
                        "permission",
                        "read");
        assertThat(noFile.status()).isBetween(400, 404);
        assertThat(noFile.body()).contains("class=\"error\" role=\"alert\"");

        Http.Reply unknownContact =
                form(
                        a,
                        "carol",
                        "/ocm/inbox/contacts/no-such-contact/delete",
                        csrf(a, "carol"),
                        a.url());
        assertThat(unknownContact.status()).isEqualTo(404);
        assertThat(unknownContact.body()).contains("Contact rejected: you have no contact");

        Http.Reply done =
                Http.bytes("GET", a.url() + "/ocm/inbox?notice=%3Cb%3E", "carol", "carol").asText();
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).doesNotContain("<b>");
    }

    private static String csrf(OcmInstance server, String user) {
        Http.Reply inbox = Http.get(server.url() + "/ocm/inbox", user, user);
        assertThat(inbox.status()).isEqualTo(200);
        Matcher m = CSRF.matcher(inbox.body());
        assertThat(m.find()).as("a form token on the inbox").isTrue();
        return m.group(1);
    }

    private static Http.Reply form(
            OcmInstance server,
            String user,
            String path,
            String csrf,
            String origin,
            String... fields) {
        List<String> pairs = new ArrayList<>();
        if (csrf != null) {
            pairs.add("csrf=" + enc(csrf));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            pairs.add(enc(fields[i]) + "=" + enc(fields[i + 1]));
        }
        return send(server, user, path, String.join("&", pairs), origin, "same-origin");
    }

    private static Http.Reply send(
            OcmInstance server,
            String user,
            String path,
            String body,
            String origin,
            String fetchSite) {
        String basic =
                Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return Http.post(
                server.url() + path,
                List.of(
                        new String[] {"Authorization", "Basic " + basic},
                        new String[] {"Content-Type", "application/x-www-form-urlencoded"},
                        new String[] {"Origin", origin},
                        new String[] {"Sec-Fetch-Site", fetchSite}),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Browser;
import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages in a real browser (issue 6, "Browser test"): headless Chromium on the two-instance
 * federation. alice on A creates an invite on her inbox page; the invite link opens A's WAYF page;
 * the invited person picks B, signs in there as bob and accepts; both inboxes list the other as a
 * contact; alice shares a file with bob from her inbox; bob sees it in his, accepts it and opens
 * it. Every step leaves a numbered screenshot in {@code src-it/target/screenshots}.
 */
@ExtendWith(Federation.Extension.class)
class BrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void invitationAndSharingThroughThePages(Federation federation) throws Exception {
        OcmInstance a = federation.a();
        OcmInstance b = federation.b();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fileName = "hello-" + tag + ".txt";
        String path = "browser-" + tag + "/" + fileName;
        String content = "Hello Bob, from a browser test " + tag + "\n";
        assertThat(
                        Http.put(
                                        a.url() + "/api/v1/files/" + path,
                                        "alice",
                                        "alice",
                                        content.getBytes(StandardCharsets.UTF_8))
                                .status())
                .isEqualTo(201);
        Path screenshots = Path.of(System.getProperty("ocm.it.screenshots"));

        try (Browser browser = Browser.start(screenshots)) {
            assertSeleniumManagerNeverRan();

            // alice's inbox on A: she creates an invite and gets its link
            browser.signInAs("alice");
            browser.open(a.url() + "/ocm/inbox");
            assertThat(browser.title()).isEqualTo("Inbox");
            assertThat(browser.text()).contains("alice@" + a.authority());
            browser.screenshot("alice-inbox");
            browser.fill("Note (optional)", "for bob, " + tag);
            browser.press("Create invite");
            assertThat(browser.text()).contains("Your new invite");
            String link = browser.labelled("Invite link").getAttribute("value");
            assertThat(link).startsWith(a.url() + "/ocm/wayf?token=");
            browser.screenshot("invite-created");

            // the invite link opens A's WAYF page; the person enters B's address
            browser.open(link);
            assertThat(browser.title()).isEqualTo("Where are you from?");
            browser.screenshot("wayf");
            browser.fill("Address of your server", b.authority());
            browser.signInAs("bob");
            browser.press("Continue");

            // B's invite acceptance dialog, after signing in as bob
            assertThat(browser.url()).startsWith(b.url() + "/ocm/accept-invite?token=");
            assertThat(browser.url()).contains("providerDomain=localhost%3A" + a.port());
            assertThat(browser.text())
                    .contains("Signed in as bob")
                    .contains("OCM-EE (" + a.authority() + ")")
                    .contains("invites you to become contacts");
            browser.screenshot("accept-dialog");
            browser.press("Accept");
            assertThat(browser.title()).isEqualTo("Invite accepted");
            assertThat(browser.text())
                    .contains("alice@" + a.authority())
                    .contains("are now contacts");
            browser.screenshot("invite-accepted");

            // both contact lists show the other
            browser.open(b.url() + "/ocm/inbox");
            assertThat(
                            browser.find("#contacts")
                                    .findElement(org.openqa.selenium.By.xpath(".."))
                                    .getText())
                    .contains("alice@" + a.authority());
            browser.screenshot("bob-contacts");
            browser.signInAs("alice");
            browser.open(a.url() + "/ocm/inbox");
            assertThat(
                            browser.find("#contacts")
                                    .findElement(org.openqa.selenium.By.xpath(".."))
                                    .getText())
                    .contains("bob@" + b.authority());
            browser.screenshot("alice-contacts");

            // alice shares the file with bob from her inbox
            browser.fill("File or folder in your files", path);
            new Select(browser.labelled("Share with")).selectByValue("bob@" + b.authority());
            browser.press("Share");
            assertThat(browser.text()).contains("Share sent.");
            assertThat(browser.text()).contains(path);
            browser.screenshot("alice-shared");

            // bob sees it in his inbox, accepts it and opens it
            browser.signInAs("bob");
            browser.open(b.url() + "/ocm/inbox");
            browser.awaitText(fileName, DEADLINE);
            browser.screenshot("bob-inbox-share");
            browser.pressAt("button[aria-label='Accept " + fileName + "']");
            assertThat(browser.text()).contains("Share accepted.");
            browser.screenshot("bob-accepted");
            String open =
                    browser.find("a[aria-label='Open " + fileName + "']").getAttribute("href");
            browser.open(open);
            assertThat(browser.text()).contains(content.strip());
            browser.screenshot("bob-opened");
        }
    }

    /**
     * Selenium Manager would run while the driver is created, and would first unpack itself into
     * SE_CACHE_PATH (set by the build, beside SE_OFFLINE) before fetching anything.
     */
    private static void assertSeleniumManagerNeverRan() {
        String cache = System.getenv("SE_CACHE_PATH");
        assertThat(cache).as("SE_CACHE_PATH set by the build").isNotBlank();
        assertThat(Files.exists(Path.of(cache))).as("Selenium Manager cache " + cache).isFalse();
    }
}

package io.ocmee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for page tests: Debian's {@code /usr/bin/chromium} driven through its own
 * {@code /usr/bin/chromedriver} (installed by {@code .ci/ensure-chromium}). Both paths are given
 * explicitly, so Selenium Manager is never started and nothing is downloaded; the browser is kept
 * off the network: every host name except {@code localhost} fails to resolve, background
 * networking, component updates and sync are off, and the profile is a fresh temporary folder
 * removed on {@link #close()}.
 *
 * <p>The pages use the container's HTTP Basic authentication; {@link #signInAs} makes the browser
 * send that user's credentials with every request that follows (through the DevTools protocol's
 * {@code Network.setExtraHTTPHeaders}), as it would after a person typed them into the browser's
 * sign-in dialog. Credentials never appear in a URL.
 *
 * <p>The pages have no script, so every button submits a form: {@link #press} returns only once the
 * browser has replaced the page with the form's answer, never while the old page is still shown.
 * Not thread-safe.
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Debian's matching chromedriver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private int shots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /**
     * @param screenshots folder for {@link #screenshot(String)}, created if missing
     * @return a started browser
     */
    public static Browser start(Path screenshots) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    CHROMIUM + " or " + CHROMEDRIVER + " is missing: run .ci/ensure-chromium");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            Files.createDirectories(screenshots);
            profile = Files.createTempDirectory(ItSettings.workDir(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--window-size=1200,1400",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .withLogFile(ItSettings.workDir().resolve("chromedriver.log").toFile())
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        return new Browser(driver, profile, screenshots);
    }

    /**
     * Signs the browser in as a demo user for the requests that follow (until the next call).
     *
     * @param user user name (and password: the demo users' passwords equal their names)
     */
    public void signInAs(String user) {
        String basic =
                Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    /**
     * @param url where to go
     */
    public void open(String url) {
        driver.get(url);
    }

    /**
     * @return the URL now shown
     */
    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * @return the page's title
     */
    public String title() {
        return driver.getTitle();
    }

    /**
     * @return the visible text of the page
     */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * @param selector a CSS selector
     * @return the one element it selects
     */
    public WebElement find(String selector) {
        return driver.findElement(By.cssSelector(selector));
    }

    /**
     * @param selector a CSS selector
     * @return the elements it selects
     */
    public List<WebElement> all(String selector) {
        return driver.findElements(By.cssSelector(selector));
    }

    /**
     * Finds a button by its visible text, clicks it and waits until the form's answer is shown.
     *
     * @param label the button text
     */
    public void press(String label) {
        submit(
                driver.findElement(
                        By.xpath("//button[normalize-space()=" + xpathLiteral(label) + "]")),
                "'" + label + "'");
    }

    /**
     * Clicks a button found by a CSS selector and waits until the form's answer is shown.
     *
     * @param selector a CSS selector of one button
     */
    public void pressAt(String selector) {
        submit(driver.findElement(By.cssSelector(selector)), selector);
    }

    private void submit(WebElement button, String name) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, PAGE_LOAD)
                .withMessage(() -> "the form of " + name + " was not answered")
                .until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Fills a form field found through its accessible label.
     *
     * @param label the text of the field's {@code <label>}
     * @param value what to type
     */
    public void fill(String label, String value) {
        WebElement field = labelled(label);
        field.clear();
        field.sendKeys(value);
    }

    /**
     * @param label the text of a field's {@code <label>}
     * @return the field
     */
    public WebElement labelled(String label) {
        WebElement labelElement =
                driver.findElement(
                        By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /**
     * Waits until the page's text contains something, reloading it between looks (the pages have no
     * script that would update them).
     *
     * @param text what to wait for
     * @param timeout how long
     */
    public void awaitText(String text, Duration timeout) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(500))
                .until(
                        d -> {
                            if (text().contains(text)) {
                                return true;
                            }
                            d.navigate().refresh();
                            return false;
                        });
    }

    /**
     * Saves a PNG screenshot of the page, numbered in order of the steps.
     *
     * @param step a short name of the step
     * @return the file
     */
    public Path screenshot(String step) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, step));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a left-over temporary profile below target/ is harmless
            }
        }
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }
}

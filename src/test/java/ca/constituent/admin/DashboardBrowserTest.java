package ca.constituent.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.signature.CountRollup;
import ca.constituent.support.Axe;
import ca.constituent.support.PostgresResource;
import ca.constituent.support.Signatures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium signs in, sees the chart and the map drawn, opens a riding and signs out, in English and
 * French. Each flow runs once per language at a phone's width (390 px), where a page is most likely to break; each
 * step is shot at 390 px and at 1280 px (the window resized, then back), and the map, whose drawing depends on its
 * size, is opened at each width. Screenshots go to target/screenshots. Skipped, with a message, where Chromium or
 * chromedriver is not installed (CI installs both).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;

    @Inject
    Organisers organisers;

    @Inject
    Signatures signatures;

    @Inject
    CountRollup counts;

    @Inject
    HourlyRollup hourly;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver) to run them; CI's .ci/run installs them");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrganiserSignsInSeesTheChartAndTheMapOpensARidingAndSignsOut() throws IOException {
        signatures.signAndConfirm(Signatures.in("K1P 1A1", "en"));
        signatures.signAndConfirm(Signatures.in("B3H 1A1", "fr"));
        signatures.sign(Signatures.in("K1A 0A6", "en"));
        counts.rollUp();
        hourly.rollUp();
        String email = organisers.create(Role.ADMIN);
        for (String lang : List.of("en", "fr")) {
            signIn(email, lang);
            overview(lang);
            for (int width : List.of(DESKTOP, PHONE)) {
                resize(width);
                map(lang, width);
            }
            open("/admin/letters?lang=" + lang);
            shoot(lang, "letters");
            open("/admin/signatures?lang=" + lang);
            shoot(lang, "signatures");
            browser.findElement(By.id("sign-out")).click();
            waitFor(d -> d.getCurrentUrl().contains("/admin/sign-in"));
            assertTrue(browser.findElements(By.cssSelector("[role=status]")).size() == 1, "signed out");
            open("/admin?lang=" + lang);
            waitFor(d -> d.getCurrentUrl().contains("/admin/sign-in"));
        }
        assertNoConsoleErrors();
    }

    @Test
    void anOrganiserPreviewsALetterLiveAndChecksAnMpListBeforeApplyingIt() throws IOException {
        String email = organisers.create(Role.ADMIN);
        Path list = Files.createTempFile("mps", ".csv");
        Files.writeString(list, MpDataTest.edited(java.util.Map.of(2,
                MpDataTest.withMp(2, "Jane Newcomer", "Green", "jane.newcomer@parl.gc.ca"))));
        Path table = Files.createTempFile("postal-codes", ".csv");
        Files.writeString(table, PostalCodeUploadTest.FIRST);
        for (String lang : List.of("en", "fr")) {
            signIn(email, lang);
            open("/admin/campaigns/end-ice-complicity/letters/" + lang + "?lang=" + lang);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fedCode"))).selectByValue("12006");
            waitFor(d -> d.findElement(By.id("preview")).getText().contains("Shannon Miedema"));
            shoot(lang, "letter-editor");
            WebElement body = browser.findElement(By.id("body"));
            body.sendKeys(" {mp.nickname}");
            waitFor(d -> d.findElement(By.id("preview-error")).isDisplayed());
            assertTrue(browser.findElement(By.id("preview-error")).getText().contains("nickname"));
            WebElement error = browser.findElement(By.id("preview-error"));
            shoot(lang, "letter-editor-error", false,
                    () -> ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", error));
            body.sendKeys("\n{#if signer.personalNote}");   // a syntax error: named by its line, in the page's language
            waitFor(d -> d.findElement(By.id("preview-error")).getText().contains("{#if signer.personalNote}"));
            String syntax = browser.findElement(By.id("preview-error")).getText();
            assertTrue(syntax.contains(lang.equals("fr") ? " : ligne " : ": line "), syntax);
            assertFalse(syntax.contains("Parser error"), syntax);
            shoot(lang, "letter-editor-syntax", false,
                    () -> ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", error));

            open("/admin/campaigns/end-ice-complicity/edit?lang=" + lang);
            shoot(lang, "campaign-edit");
            open("/admin/mps?lang=" + lang);
            browser.findElement(By.id("file")).sendKeys(list.toString());
            browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
            waitFor(d -> d.findElements(By.id("diff")).size() == 1);
            assertEquals(1, browser.findElements(By.cssSelector("#diff tr[data-kind=replaced]")).size());
            assertTrue(browser.findElements(By.id("apply")).size() == 1, "applied only on confirmation");
            shoot(lang, "mp-upload-diff");

            open("/admin/mps?lang=" + lang);
            browser.findElement(By.id("postal-code-file")).sendKeys(table.toString());
            browser.findElement(By.cssSelector("#postal-code-upload button[type=submit]")).click();
            waitFor(d -> d.findElements(By.id("postal-diff")).size() == 1);
            assertEquals("3", browser.findElement(By.cssSelector("#postal-diff [data-figure=added]")).getText());
            assertTrue(browser.findElements(By.id("apply")).size() == 1, "applied only on confirmation");
            shoot(lang, "postal-code-upload-diff", true);
            browser.findElement(By.id("sign-out")).click();
            waitFor(d -> d.getCurrentUrl().contains("/admin/sign-in"));
        }
        // The refused preview is a 400 the page shows; Chromium logs it as a failed resource load.
        assertEquals(List.of(), browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(m -> !m.contains("status of 400")).toList(), "no console errors");
    }

    @Test
    void anOrganiserFindsASignatureInvalidatesItWithAReasonAndSeesTheCountDrop() throws IOException {
        String domain = "moderated-" + System.nanoTime() + ".example.org";
        for (String name : List.of("first", "second")) {
            java.util.Map<String, Object> body = Signatures.in("K1P 1A1", "en");
            body.put("email", name + "@" + domain);
            signatures.signAndConfirm(body);
        }
        counts.rollUp();
        String email = organisers.create(Role.ADMIN);
        for (String lang : List.of("en", "fr")) {
            signIn(email, lang);
            long dashboard = dashboardConfirmed(lang);
            long published = publicConfirmed();
            open("/admin/moderation?lang=" + lang + "&campaign=" + DashboardDataTest.SLUG + "&domain=" + domain
                    + "&state=confirmed");
            waitFor(d -> d.findElements(By.cssSelector("#results tbody tr")).size() >= 1);
            shoot(lang, "moderation", true);
            shoot(lang, "moderation-results", false,
                    () -> ((JavascriptExecutor) browser).executeScript("document.getElementById('found').scrollIntoView()"));
            List<WebElement> found = browser.findElements(By.cssSelector("#results tbody input[name=ids]"));
            assertEquals(lang.equals("en") ? 2 : 1, found.size(), "the search finds this test's signatures only");
            found.get(0).click();
            browser.findElement(By.id("reason")).sendKeys("burst from one address (" + lang + ")");
            browser.findElement(By.id("invalidate")).click();
            waitFor(d -> d.findElements(By.id("changed")).size() == 1);
            assertTrue(browser.findElement(By.id("changed")).getText().startsWith("1 "), "one signature changed");
            shoot(lang, "moderation-changed");
            counts.rollUp();
            assertEquals(dashboard - 1, dashboardConfirmed(lang), "the dashboard count drops");
            assertEquals(published - 1, publicConfirmed(), "the public count drops after the roll-up");
            browser.findElement(By.id("sign-out")).click();
            waitFor(d -> d.getCurrentUrl().contains("/admin/sign-in"));
        }
        assertNoConsoleErrors();
    }

    long dashboardConfirmed(String lang) {
        open("/admin?lang=" + lang);
        return Long.parseLong(browser.findElement(By.cssSelector(
                "section[data-slug='" + DashboardDataTest.SLUG + "'] dd[data-figure=confirmed]")).getText()
                .replaceAll("\\D", ""));
    }

    static long publicConfirmed() {
        return RestAssured.given().when().get("/api/campaigns/" + DashboardDataTest.SLUG + "/counts").then()
                .statusCode(200).extract().jsonPath().getLong("confirmed");
    }

    void assertNoHorizontalOverflow(int width) {
        Number scroll = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, scroll.intValue(), "the page does not scroll sideways at " + width + " px");
    }

    void signIn(String email, String lang) throws IOException {
        open("/admin/sign-in?lang=" + lang);
        resize(PHONE);
        screenshot(lang, PHONE, "sign-in");
        assertNoAxeViolations(lang, PHONE, "sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Organisers.password(email));
        browser.findElement(By.id("sign-in")).click();
        waitFor(d -> d.findElements(By.id("sign-out")).size() == 1);
    }

    void overview(String lang) throws IOException {
        open("/admin?lang=" + lang);
        WebElement canvas = browser.findElement(By.cssSelector("canvas.timeline"));
        waitFor(d -> "hourly".equals(canvas.getDomAttribute("data-drawn")));
        shoot(lang, "overview", false,
                () -> assertTrue(canvas.getSize().getWidth() > 200, "the chart has room at " + width() + " px"));
        WebElement exports = browser.findElement(By.id("exports-" + DashboardDataTest.SLUG));
        assertEquals(List.of("signatures", "by-riding", "by-province", "osdi"), exports.findElements(By.tagName("a"))
                .stream().map(a -> a.getDomAttribute("data-export")).toList(), "every export is linked");
        shoot(lang, "overview-exports", false,
                () -> ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", exports));
    }

    void map(String lang, int width) throws IOException {
        open("/admin/map?lang=" + lang);
        waitFor(d -> "true".equals(d.findElement(By.id("map")).getDomAttribute("data-drawn")));
        List<WebElement> ridings = browser.findElements(By.cssSelector("#map svg path.riding"));
        assertEquals(343, ridings.size(), "every riding is drawn");
        WebElement ottawa = browser.findElement(By.cssSelector("#map svg path.riding-35079"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", ottawa);
        String name = browser.findElement(By.cssSelector("#ridings tr[data-fed='35079']")).getDomAttribute("data-riding");
        waitFor(d -> d.findElement(By.id("riding-info")).getText().contains(name));
        screenshot(lang, width, "map");
        if (width == PHONE) {
            assertNoAxeViolations(lang, width, "map");
        }
    }

    void open(String path) {
        browser.get("http://localhost:" + RestAssured.port + path);
    }

    /** Checks every 50 ms: WebDriverWait's default of 500 ms added about half of that to each step. */
    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50)).until(condition::apply);
    }

    void shoot(String lang, String page) throws IOException {
        shoot(lang, page, false);
    }

    void shoot(String lang, String page, boolean noSidewaysScroll) throws IOException {
        shoot(lang, page, noSidewaysScroll, () -> { });
    }

    /**
     * The page as it is, shot at 1280 px and then at 390 px (the window resized; {@code atEachWidth} runs after each
     * resize), which the window keeps for the flow's next step; then axe-core at 390 px, which must find nothing on
     * it. No style hides anything at that width (admin.css only narrows), so axe sees all the content there, with
     * the tables that scroll sideways; a run at 1280 px would check the same DOM again.
     */
    void shoot(String lang, String page, boolean noSidewaysScroll, Runnable atEachWidth) throws IOException {
        for (int width : List.of(DESKTOP, PHONE)) {
            resize(width);
            atEachWidth.run();
            if (noSidewaysScroll) {
                assertNoHorizontalOverflow(width);
            }
            screenshot(lang, width, page);
        }
        assertNoAxeViolations(lang, PHONE, page);
    }

    void screenshot(String lang, int width, String page) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("dashboard-" + page + "-" + lang + "-" + width + ".png"), png);
    }

    void assertNoAxeViolations(String lang, int width, String page) {
        assertEquals(List.of(), Axe.violations((JavascriptExecutor) browser), "axe-core on " + page + " (" + lang
                + ", " + width + " px)");
    }

    /** Sets the window's width (a phone's height at 390 px) and waits two frames, so resize handlers have drawn. */
    void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, width == PHONE ? 844 : 900));
        ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
    }

    int width() {
        return browser.manage().window().getSize().getWidth();
    }

    void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no console errors");
    }
}

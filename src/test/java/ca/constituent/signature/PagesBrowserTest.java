package ca.constituent.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A signer's whole path in headless Chromium, in English and French, with and without JavaScript: sign with a postal
 * code that spans two ridings and choose one, confirm through the mailed link, write a 10,000-character French
 * letter and send it. axe-core checks every page; screenshots at 390 and 1280 px go to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s\"]+(/confirm/[^\\s\"<]+)");

    @TestHTTPResource("/")
    URL base;

    @Inject
    MockMailbox mailbox;

    @Inject
    ConfirmationMailer mailer;

    @Inject
    Sql sql;

    WebDriver driver;
    boolean javascript;
    String flow;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    void open(boolean withJavascript, String name) throws IOException {
        javascript = withJavascript;
        flow = name;
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-"), "--window-size=1280,2000");
        if (!withJavascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Test
    void anEnglishSignerWithJavascriptSignsConfirmsAndSendsAFrenchLetter() throws IOException {
        open(true, "en-js");
        signConfirmAndWrite("en", "V6B 1A1", "59036");
    }

    @Test
    void aFrenchSignerWithJavascriptDoesTheSame() throws IOException {
        open(true, "fr-js");
        signConfirmAndWrite("fr", "V6B 1A1", "59035");
    }

    @Test
    void aFrenchSignerWithoutJavascriptDoesTheSame() throws IOException {
        open(false, "fr-nojs");
        signConfirmAndWrite("fr", "V6B 1A1", "59036");
    }

    void signConfirmAndWrite(String lang, String postalCode, String fedCode) throws IOException {
        String email = "browser-" + UUID.randomUUID() + "@example.ca";
        driver.get(base + "campaigns/end-ice-complicity?lang=" + lang);
        check("1-campaign");
        type("firstName", "Élise");
        type("lastName", "Côté-Gagnon");
        type("email", email);
        type("postalCode", postalCode);
        if (javascript) {
            WebElement choice = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("riding-choice")));
            new Select(choice).selectByValue(fedCode);
        } else {
            new Select(driver.findElement(By.id("fedCode"))).selectByValue(fedCode);
        }
        type("personalNote", "Ma voisine a été détenue à la frontière.");
        driver.findElement(By.cssSelector("#sign button[type=submit]")).click();
        assertTrue(driver.getCurrentUrl().contains("/thanks"), driver.getCurrentUrl());
        check("2-thanks");
        assertEquals(fedCode, sql.rows("SELECT fed_code FROM signature WHERE email = ?", email).get(0).get("fed_code"));

        mailer.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Matcher link = CONFIRM_LINK.matcher(mails.get(0).getText());
        assertTrue(link.find(), mails.get(0).getText());
        driver.get(base + link.group(1).substring(1));
        check("3-confirm");
        driver.findElement(By.cssSelector("main form button")).click();
        check("4-confirmed");
        driver.findElement(By.cssSelector("a.button")).click();
        check("5-letter");

        String letter = FrenchLetter.of(10_000);
        WebElement body = driver.findElement(By.id("body"));
        body.clear();
        body.sendKeys(letter);
        driver.findElement(By.cssSelector("form button:not(.secondary)")).click();
        check("6-sent");
        String stored = (String) sql.rows("SELECT m.body FROM mp_email m JOIN signature s ON s.id = m.signature_id "
                + "WHERE s.email = ?", email).get(0).get("body");
        assertEquals(10_000, stored.codePointCount(0, stored.length()));
        assertEquals(letter.replace("\r\n", "\n"), stored);
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Screenshots at a phone's and a desktop's width, then axe-core, which must find nothing. */
    void check(String page) throws IOException {
        for (int width : new int[] {390, 1280}) {
            driver.manage().window().setSize(new Dimension(width, 2000));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(flow + "-" + page + "-" + width + ".png"), png);
        }
        if (!javascript) {
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        Object violations = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' at '"
                + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "});");
        assertEquals(List.of(), violations, page + " in " + flow);
    }

    static String axeSource;

    static String axe() throws IOException {
        if (axeSource == null) {
            try (InputStream in = PagesBrowserTest.class.getResourceAsStream(
                    "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axeSource;
    }

    /** A French letter of an exact length in code points, in paragraphs. */
    static final class FrenchLetter {
        static String of(int codePoints) {
            String words = "Madame la députée, à Montréal l’été déçoit : ça où œuvre Noël. ";
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < codePoints - 1; i++) {
                out.append(i % 300 == 299 ? '\n' : words.charAt(i % words.length()));
            }
            return out.append('.').toString();
        }
    }
}

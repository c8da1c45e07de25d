package ca.constituent.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.Sql;
import ca.constituent.mpemail.MpEmails;
import ca.constituent.support.Axe;
import ca.constituent.support.ScriptedSmtpServer;
import ca.constituent.support.SmtpPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A signer's whole path in headless Chromium, in English and French, with and without JavaScript: sign with a postal
 * code that spans two ridings and choose one, confirm through the mailed link, write a 10,000-character French
 * letter and send it. The mails travel over real SMTP to a server on loopback: the test follows the link of the
 * confirmation mail it received, and checks that the letter reached the MP's address. axe-core checks every page,
 * with and without JavaScript; each page's weight over the wire (HTML, CSS, scripts; images aside) is measured with
 * the Performance API and must stay within 100 KB, with no third-party request; screenshots at 390 and 1280 px go
 * to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s\"]+(/confirm/[^\\s\"<]+)");
    static final long MAX_PAGE_BYTES = 100_000;
    /** How often waits check: WebDriverWait's default of 500 ms added about half of that to each page change. */
    static final Duration POLL = Duration.ofMillis(50);

    @TestHTTPResource("/")
    URL base;

    @Inject
    MpEmails letters;

    ScriptedSmtpServer smtp;

    @Inject
    ConfirmationMailer mailer;

    @Inject
    Sql sql;

    WebDriver driver;
    WebDriver axeDriver;
    boolean javascript;
    String flow;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
    }

    @BeforeEach
    void startSmtp() throws IOException {
        smtp = ScriptedSmtpServer.accepting(SmtpPort.PORT);
    }

    @AfterEach
    void quit() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (axeDriver != null) {
            axeDriver.quit();
            axeDriver = null;
        }
        smtp.close();
    }

    void open(boolean withJavascript, String name) throws IOException {
        javascript = withJavascript;
        flow = name;
        Files.createDirectories(SHOTS);
        driver = chromium(withJavascript);
        if (!withJavascript) {
            // axe-core needs a page where scripts run: it checks each page's DOM as served in a second browser
            // that has JavaScript on but loads no script of the page.
            axeDriver = chromium(true);
            ((ChromeDriver) axeDriver).executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.js")));
        }
    }

    WebDriver chromium(boolean withJavascript) throws IOException {
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
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Every page is weighed as on a first visit: nothing comes from the cache.
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        return chrome;
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

    @Test
    void aRidingGuessedFromTheFsaIsShownAsAGuessWithTheMpCardAndCanBeChanged() throws IOException {
        open(true, "fr-guess");
        driver.get(base + "campaigns/end-ice-complicity?lang=fr");
        type("postalCode", "K1A 0A6");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10), POLL);
        WebElement card = wait.until(d -> d.findElement(By.cssSelector("#riding .mp-card")));
        assertTrue(card.getText().contains("Ottawa-Centre"), card.getText());
        assertTrue(driver.findElement(By.cssSelector("#riding .guess")).getText().contains("meilleure estimation"));
        assertTrue(!driver.findElement(By.id("fedCode")).isDisplayed());
        driver.findElement(By.id("not-yours")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fedCode")));
        assertEquals("35079", new Select(driver.findElement(By.id("fedCode"))).getFirstSelectedOption()
                .getAttribute("value"));
        check("1-campaign-guess");

        driver.get(base + "campaigns/end-ice-complicity/embed?lang=fr");
        check("2-embed");
        driver.get(base + "campaigns/end-ice-complicity?lang=fr");
        driver.findElement(By.cssSelector("#lost-link summary")).click();
        type("lost-email", "perdu-" + UUID.randomUUID() + "@example.ca");
        clickThrough(By.cssSelector("#lost-link button"));
        assertTrue(driver.findElement(By.cssSelector("main")).getText().contains("nous lui avons envoyé un nouveau"));
        check("3-lost-link");
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
            WebElement choice = new WebDriverWait(driver, Duration.ofSeconds(10), POLL)
                    .until(d -> d.findElement(By.id("riding-choice")));
            new Select(choice).selectByValue(fedCode);
        } else {
            new Select(driver.findElement(By.id("fedCode"))).selectByValue(fedCode);
        }
        type("personalNote", "Ma voisine a été détenue à la frontière.");
        clickThrough(By.cssSelector("#sign button[type=submit]"));
        assertTrue(driver.getCurrentUrl().contains("/thanks"), driver.getCurrentUrl());
        check("2-thanks");
        assertEquals(fedCode, sql.rows("SELECT fed_code FROM signature WHERE email = ?", email).get(0).get("fed_code"));

        mailer.sendDue();
        String confirmation = textOfMailTo(email);
        Matcher link = CONFIRM_LINK.matcher(confirmation);
        assertTrue(link.find(), confirmation);
        driver.get(base + link.group(1).substring(1));
        check("3-confirm");
        clickThrough(By.cssSelector("main form button"));
        check("4-confirmed");
        clickThrough(By.cssSelector("a.button"));
        check("5-letter");

        String letter = FrenchLetter.of(10_000);
        WebElement body = driver.findElement(By.id("body"));
        body.clear();
        // Typing 10,000 characters one key at a time took 12-17 s a flow: the field is filled at once but for its
        // last line, which is typed, so the page sees a person's key presses and input events.
        int typed = letter.offsetByCodePoints(letter.length(), -40);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", body,
                letter.substring(0, typed));
        body.sendKeys(letter.substring(typed));
        clickThrough(By.cssSelector("form button:not(.secondary)"));
        check("6-sent");
        String stored = (String) sql.rows("SELECT m.body FROM mp_email m JOIN signature s ON s.id = m.signature_id "
                + "WHERE s.email = ?", email).get(0).get("body");
        assertEquals(10_000, stored.codePointCount(0, stored.length()));
        assertEquals(letter.replace("\r\n", "\n"), stored);
        String mp = (String) sql.rows("SELECT m.to_email FROM mp_email m JOIN signature s ON s.id = m.signature_id "
                + "WHERE s.email = ?", email).get(0).get("to_email");
        // Other classes may leave letters due in the shared outbox: this signer's letter must be among those sent.
        assertTrue(letters.deliverDue() >= 1);
        assertEquals("sent", sql.rows("SELECT m.status FROM mp_email m JOIN signature s ON s.id = m.signature_id "
                + "WHERE s.email = ?", email).get(0).get("status"));
        String sent = textOfMail(mp, email);
        assertTrue(sent.replace("\r\n", "\n").contains(letter.substring(0, 290)), sent);
    }

    /** The text part of the one mail the SMTP server received for the address, decoded as a mail client would. */
    String textOfMailTo(String address) {
        return textOfMail(address, null);
    }

    /**
     * The text part of the one mail to the address that answers to {@code replyTo} (the signer's letter to an MP
     * among the letters other signers sent the same MP); any reply address when null.
     */
    String textOfMail(String address, String replyTo) {
        List<String> raw = smtp.messages().stream()
                .filter(m -> m.lines().anyMatch(l -> l.startsWith("To:") && l.contains(address)))
                .filter(m -> replyTo == null
                        || m.lines().anyMatch(l -> l.startsWith("Reply-To:") && l.contains(replyTo)))
                .toList();
        assertEquals(1, raw.size(), "mails to " + address);
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.get(0).getBytes(StandardCharsets.UTF_8)));
            return text(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String text = part.isMimeType("text/plain") ? (String) part.getContent()
                        : part.getContent() instanceof Multipart ? text(part.getContent()) : null;
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return String.valueOf(content);
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one: reading the page straight
     * after the click could find the old one's elements, gone a moment later (a StaleElementReferenceException).
     */
    void clickThrough(By target) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), POLL);
        wait.until(ExpectedConditions.stalenessOf(leaving));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
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
        JavascriptExecutor js = (JavascriptExecutor) driver;
        weigh(js, page);
        if (!javascript) {
            String html = driver.getPageSource();
            axeDriver.get(base + "privacy");
            js = (JavascriptExecutor) axeDriver;
            js.executeScript("document.open(); document.write(arguments[0]); document.close();", html);
        }
        List<String> violations = Axe.violations(js);
        assertEquals(List.of(), violations, page + " in " + flow);
    }

    /**
     * The page's weight over the wire: the transfer sizes of the document and every resource but images, as the
     * Performance API reports them. Printed, and bounded at 100 KB; every request but an MP photo is this site's.
     */
    void weigh(JavascriptExecutor js, String page) {
        @SuppressWarnings("unchecked")
        List<Object> weights = (List<Object>) js.executeScript(
                "var nav = performance.getEntriesByType('navigation')[0];"
                + "var res = performance.getEntriesByType('resource').filter(function (r) {"
                + "  return r.initiatorType !== 'img'; });"
                + "var foreign = res.filter(function (r) { return r.name.indexOf(location.origin) !== 0; })"
                + "  .map(function (r) { return r.name; });"
                + "return [nav.transferSize + res.reduce(function (a, r) { return a + r.transferSize; }, 0),"
                + "  res.length, foreign.join(' ')];");
        long bytes = ((Number) weights.get(0)).longValue();
        System.out.printf("page weight %s %s: %,d bytes over the wire (document and %s resources, images aside)%n",
                flow, page, bytes, weights.get(1));
        assertTrue(bytes > 0 && bytes <= MAX_PAGE_BYTES, flow + " " + page + " weighs " + bytes + " bytes");
        assertEquals("", weights.get(2), "third-party requests on " + page);
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

package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageAndMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr-CA,fr;q=0.9,en;q=0.8|FR",
            "en-CA,en;q=0.9,fr;q=0.8|EN",
            "de-DE,fr;q=0.5,en;q=0.4|FR",
            "de-DE|EN",
            "fr;q=0.1,en;q=0.2|EN",
            "''|EN",
            "fr;q=abc|EN",
            "'fr;q=abc, *;q=NaN, ;;;,,,'|EN",
            "fr;q=0,en;q=0.1|EN",
            "fr-CA|FR",
            "*|EN",
            "en;q=0,fr;q=0.1|FR",
            "fr-CA;q=0,fr;q=0,en-US;q=0.3|EN"})
    void acceptLanguagePicksTheBestOfTheTwo(String header, Language expected) {
        assertEquals(expected, Language.fromAcceptLanguage(header));
    }

    @Test
    void aNestedTextIsWrittenInTheLanguageAroundItAndValuesAreNotFilledAgain() {
        Messages.Text atLine = new Messages.Text("letter-template.at-line",
                Map.of("line", 2, "text", "{#if signer.note} {line} {reason}"));
        assertEquals("Il ne peut pas être rendu : ligne 2 : {#if signer.note} {line} {reason}",
                Messages.get(Language.FR, "problem.invalid-letter-template.detail", Map.of("reason", atLine)));
        assertEquals("It does not render: line 2: {#if signer.note} {line} {reason}",
                Messages.get(Language.EN, "problem.invalid-letter-template.detail", Map.of("reason", atLine)));
        assertEquals("ligne {line} : x", Messages.get(Language.FR, "letter-template.at-line", Map.of("text", "x")),
                "a placeholder without a value stays");
    }

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        Properties en = load("/i18n/messages_en.properties");
        Properties fr = load("/i18n/messages_fr.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(fr.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertFalse(fr.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void frenchApostrophesAndAccentsSurvive() {
        assertEquals("Ce lien n'est pas valide", Messages.get(Language.FR, "confirm.invalid.heading"));
        assertTrue(Messages.get(Language.FR, "problem.confirmation-expired.detail", java.util.Map.of("days", 7))
                .contains("valides 7 jours"));
    }

    @Test
    void dashboardFiguresAreWrittenAsTheLanguageWritesNumbers() {
        Texts fr = new Texts(Language.FR);
        Texts en = new Texts(Language.EN);
        assertEquals("0,1\u00a0%", fr.percent(0.001).replace('\u202f', '\u00a0'));
        assertEquals("100,0\u00a0%", fr.percent(1).replace('\u202f', '\u00a0'));
        assertEquals("1\u00a0000", fr.number(1000).replace('\u202f', '\u00a0'));
        assertEquals("0.1%", en.percent(0.001));
        assertEquals("12.5%", en.percent(0.125));
        assertEquals("1,000", en.number(1000));
    }

    @Test
    void theProgressLineIsSingularWhereTheLanguageIs() {
        assertEquals("0 signature confirmée sur 50\u00a0000", new Texts(Language.FR).progress(0, 50_000)
                .replace('\u202f', '\u00a0'));
        assertEquals("1 signature confirmée sur 50\u00a0000", new Texts(Language.FR).progress(1, 50_000)
                .replace('\u202f', '\u00a0'));
        assertEquals("2 signatures confirmées sur 50\u00a0000", new Texts(Language.FR).progress(2, 50_000)
                .replace('\u202f', '\u00a0'));
        assertEquals("0 confirmed signatures of 50,000", new Texts(Language.EN).progress(0, 50_000));
        assertEquals("1 confirmed signature of 50,000", new Texts(Language.EN).progress(1, 50_000));
        assertEquals("1,234 confirmed signatures of 50,000", new Texts(Language.EN).progress(1_234, 50_000));
    }

    @Test
    void theDashboardShowsMomentsToTheSecondInUtc() {
        assertEquals("2026-11-22 19:12:09", new Texts(Language.FR).utc(
                java.time.OffsetDateTime.parse("2026-11-22T14:12:09.379208-05:00")));
        assertEquals("2026-11-22 19:12:09", new Texts(Language.EN).utc(java.time.Instant.parse("2026-11-22T19:12:09.5Z")));
        assertEquals("", new Texts(Language.EN).utc(null));
    }

    @Test
    void partiesAreNamedAsTheLanguageNamesThem() {
        assertEquals("Parti libéral", PartyNames.in(Language.FR, "Liberal"));
        assertEquals("NPD", PartyNames.in(Language.FR, "NDP"));
        assertEquals("Liberal", PartyNames.in(Language.EN, "Liberal"));
        assertEquals("Parti Rhinocéros", PartyNames.in(Language.FR, "Parti Rhinocéros"), "an unlisted name as given");
        assertEquals(null, PartyNames.in(Language.FR, null));
        String json = new Texts(Language.FR).parties();
        assertTrue(json.startsWith("{\"Bloc Québécois\":\"Bloc Québécois\",") && json.contains("\"Green\":\"Parti vert\""),
                json);
    }

    @Test
    void plainTextRefusesControlAndDirectionCharacters() {
        assertTrue(PlainText.isPlainText("Zoé Nguyễn 李 ‍", false));
        assertFalse(PlainText.isPlainText("a\nb", false));
        assertTrue(PlainText.isPlainText("a\nb\tc", true));
        assertFalse(PlainText.isPlainText("a\u202Eb", true));
        assertFalse(PlainText.isPlainText("a\u0000b", true));
        assertFalse(PlainText.isPlainText("a\uD800b", true));
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LanguageAndMessagesTest.class.getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}

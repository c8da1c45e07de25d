package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Like spring-petclinic's I18nPropertiesSyncTest: the bundles hold the same keys in both languages, every key a
 * template names exists, and no page template holds a sentence of its own (per-language mail templates aside).
 */
class I18nTemplatesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Words allowed outside the bundles: the product's name, and the unit "min", written the same in both. */
    static final Set<String> ALLOWED = Set.of("Constituent", "min");

    static final Pattern KEY = Pattern.compile("t\\.(?:get|format)\\('([a-z0-9.-]+)'");

    @Test
    void everyKeyExistsInBothLanguages() {
        Properties en = load("/i18n/messages_en.properties");
        Properties fr = load("/i18n/messages_fr.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(fr.stringPropertyNames());
        Set<String> onlyFr = new TreeSet<>(fr.stringPropertyNames());
        onlyFr.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "keys only in English");
        assertEquals(Set.of(), onlyFr, "keys only in French");
    }

    @Test
    void everyKeyATemplateNamesExists() {
        Properties en = load("/i18n/messages_en.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : pageTemplates()) {
            Matcher keys = KEY.matcher(read(template));
            while (keys.find()) {
                if (!en.containsKey(keys.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void noPageTemplateHoldsALiteralSentence() {
        List<String> literals = new ArrayList<>();
        for (Path template : pageTemplates()) {
            for (String word : literalWords(read(template))) {
                literals.add(TEMPLATES.relativize(template) + ": " + word);
            }
        }
        assertEquals(List.of(), literals, "text in templates belongs in i18n/messages_*.properties");
    }

    @Test
    void theCheckFindsALiteral() {
        assertEquals(List.of("Send"), literalWords("<p>{t.get('x')}</p><button>Send</button>"));
        assertTrue(literalWords("<style>{|p { color: red }|}</style><a href=\"/x?lang={t.code}\">{t.get('a')}</a> –")
                .isEmpty());
    }

    /** Words left once Qute expressions, tags, raw blocks, scripts, styles and entities are removed. */
    static List<String> literalWords(String template) {
        String text = template
                .replaceAll("(?s)\\{!.*?!}", " ")
                .replaceAll("(?s)\\{\\|.*?\\|}", " ")
                .replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("\\{[^{}]*}", " ")
                .replaceAll("&[a-zA-Z#0-9]+;", " ");
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\\p{L}{2,}").matcher(text);
        while (word.find()) {
            if (!ALLOWED.contains(word.group())) {
                words.add(word.group());
            }
        }
        return words;
    }

    /** Page templates; mails written per language ({@code *-en.*}, {@code *-fr.*}) are whole texts by design. */
    static List<Path> pageTemplates() {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches(".*-(en|fr)\\.[a-z]+"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = I18nTemplatesTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

package ca.constituent.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core (the WebJar the pages do not ship) run on the page a browser shows: the violations, one line each. */
public final class Axe {

    private static String source;

    private Axe() {
    }

    /** "rule: help at selector, selector" for each violation on the current page; empty when it has none. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(JavascriptExecutor page) {
        page.executeScript(source());
        return (List<String>) page.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' at '"
                + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "});");
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream(
                    "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}

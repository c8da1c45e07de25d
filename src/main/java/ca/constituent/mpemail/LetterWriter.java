package ca.constituent.mpemail;

import ca.constituent.common.Language;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drafts letters from a campaign's template: Qute, plain text, parsed once per template version. The subject is
 * one of the template's subject lines, picked by a seed (the signature id), so a signer sees the same subject on
 * every preview while letters to one MP do not all read alike.
 */
class LetterWriter {

    /** A campaign's letter template in one language: subject lines (one per line) and the body template. */
    record TemplateText(String subjects, String body) {
        List<String> subjectLines() {
            return Arrays.stream(subjects.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private final Engine engine;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    LetterWriter(Engine engine) {
        this.engine = engine;
    }

    Letter draft(TemplateText template, Language language, long seed, LetterData.Signer signer,
                 LetterData.Riding riding, LetterData.Mp mp, LetterData.Campaign campaign) {
        List<String> subjects = template.subjectLines();
        String subject = subjects.get((int) Math.floorMod(mix(seed), (long) subjects.size()));
        String body = parsed.computeIfAbsent(template.body(), this::parse)
                .data("signer", signer)
                .data("riding", riding)
                .data("mp", mp)
                .data("campaign", campaign)
                .render();
        return new Letter(subject, tidy(body), language);
    }

    private Template parse(String body) {
        if (parsed.size() > 64) {
            parsed.clear();
        }
        return engine.parse(body, Variant.forContentType(Variant.TEXT_PLAIN));
    }

    /** At most one blank line in a row, no trailing spaces, one final line break. */
    static String tidy(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

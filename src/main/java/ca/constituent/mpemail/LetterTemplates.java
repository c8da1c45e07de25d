package ca.constituent.mpemail;

import ca.constituent.common.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The letter templates of campaigns, kept in memory for a short while so drafting never waits on the database
 * while an organiser's edit still shows within {@link #FRESH_FOR}.
 */
@ApplicationScoped
class LetterTemplates {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Cached(Optional<LetterWriter.TemplateText> text, long loadedAt) {
    }

    private final EntityManager em;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LetterTemplates(EntityManager em) {
        this.em = em;
    }

    Optional<LetterWriter.TemplateText> find(long campaignId, Language language) {
        String key = campaignId + ":" + language.code();
        Cached cached = cache.get(key);
        long now = System.nanoTime();
        if (cached == null || now - cached.loadedAt() > FRESH_FOR.toNanos()) {
            cached = new Cached(load(campaignId, language), now);
            cache.put(key, cached);
        }
        return cached.text();
    }

    /** Forget cached templates, e.g. after an organiser edits one. */
    void invalidate() {
        cache.clear();
    }

    private Optional<LetterWriter.TemplateText> load(long campaignId, Language language) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT subjects, body FROM letter_template WHERE campaign_id = ?1 AND language = ?2")
                .setParameter(1, campaignId)
                .setParameter(2, language.code())
                .getResultList();
        return rows.stream().findFirst().map(r -> new LetterWriter.TemplateText((String) r[0], (String) r[1]));
    }
}

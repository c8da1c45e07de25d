package ca.constituent.mpemail;

import ca.constituent.common.Language;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The letter templates of campaigns, in the {@value #CACHE} cache for a short while (its
 * {@code expire-after-write} in application.properties) so drafting never waits on the database while an
 * organiser's edit still shows soon.
 */
@ApplicationScoped
class LetterTemplates {

    static final String CACHE = "letter-templates";

    private final EntityManager em;

    LetterTemplates(EntityManager em) {
        this.em = em;
    }

    @CacheResult(cacheName = CACHE)
    Optional<LetterWriter.TemplateText> find(long campaignId, Language language) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT subjects, body FROM letter_template WHERE campaign_id = ?1 AND language = ?2")
                .setParameter(1, campaignId)
                .setParameter(2, language.code())
                .getResultList();
        return rows.stream().findFirst().map(r -> new LetterWriter.TemplateText((String) r[0], (String) r[1]));
    }

    /** Forget cached templates, e.g. after an organiser edits one. */
    @CacheInvalidateAll(cacheName = CACHE)
    void invalidate() {
        // the interceptor empties the cache
    }
}

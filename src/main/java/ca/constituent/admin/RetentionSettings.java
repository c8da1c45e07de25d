package ca.constituent.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** A campaign's retention columns, read and written for {@link RetentionResource}. */
@ApplicationScoped
class RetentionSettings {

    private final EntityManager entities;

    RetentionSettings(EntityManager entities) {
        this.entities = entities;
    }

    Optional<RetentionResource.Settings> of(String slug) {
        List<?> rows = entities.createNativeQuery("""
                SELECT retention_unconfirmed_days, retention_ip_hash_days, retention_anonymise_months,
                       retention_letter_days
                FROM campaign WHERE slug = ?1
                """).setParameter(1, slug).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new RetentionResource.Settings(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
    }

    /** Runs inside the caller's transaction. */
    void update(String slug, RetentionResource.Settings wanted) {
        entities.createNativeQuery("""
                UPDATE campaign SET retention_unconfirmed_days = ?1, retention_ip_hash_days = ?2,
                                    retention_anonymise_months = ?3, retention_letter_days = ?4
                WHERE slug = ?5
                """).setParameter(1, wanted.unconfirmedDays()).setParameter(2, wanted.ipHashDays())
                .setParameter(3, wanted.anonymiseMonths()).setParameter(4, wanted.letterDays())
                .setParameter(5, slug).executeUpdate();
    }
}

package ca.constituent.admin;

import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;

/**
 * A signature as a moderation search lists it. For a viewer it is masked as on the recent-signatures page, and the IP
 * hash and invalidation reason are left out.
 */
@TemplateData
public record FoundSignature(String id, OffsetDateTime createdAt, String state, String firstName, String lastName,
                             String email, String postalCode, String province, String fedCode, String ipHash,
                             String invalidationReason) {

    FoundSignature masked() {
        RecentSignature shown = new RecentSignature(id, createdAt, state, firstName, lastName, email, postalCode,
                province, fedCode, null).masked();
        return new FoundSignature(id, createdAt, state, shown.firstName(), shown.lastName(), shown.email(),
                shown.postalCode(), province, fedCode, null, null);
    }

    static FoundSignature of(Object[] r) {
        return new FoundSignature(r[0].toString(), AdminAudit.toOffset(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10]);
    }
}

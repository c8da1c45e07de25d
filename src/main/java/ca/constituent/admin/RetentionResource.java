package ca.constituent.admin;

import ca.constituent.common.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/campaigns/{slug}/retention}: how long a campaign keeps each kind of personal data. The scheduled
 * retention job ({@code privacy/Retention}) and the {@code /privacy} page read the same columns, so a change here is
 * what both apply and state. Viewers read; admins change, and each change goes to the audit log.
 */
@Path("/api/admin/campaigns/{slug}/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class RetentionResource {

    static final int MAX_DAYS = 3650;
    static final int MAX_MONTHS = 120;

    /** Days an unconfirmed signature, an IP hash and a sent letter's body are kept; months from closing to anonymise. */
    public record Settings(Integer unconfirmedDays, Integer ipHashDays, Integer anonymiseMonths, Integer letterDays) {
    }

    private final RetentionSettings settings;
    private final AdminAudit audit;
    private final AdminRequests requests;
    private final CurrentAdmin current;

    RetentionResource(RetentionSettings settings, AdminAudit audit, AdminRequests requests, CurrentAdmin current) {
        this.settings = settings;
        this.audit = audit;
        this.requests = requests;
        this.current = current;
    }

    @GET
    @Operation(summary = "The campaign's retention settings in force")
    public Settings get(String slug) {
        return settings.of(slug).orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Transactional
    @Operation(summary = "Change the retention settings; the next retention run and the privacy page apply them")
    public Settings put(String slug, Settings wanted, HttpServerRequest http) {
        Settings before = get(slug);
        check(wanted == null ? new Settings(null, null, null, null) : wanted);
        settings.update(slug, wanted);
        audit.record(AdminAudit.Entry.by(current.get(), "retention-change", slug + ": " + before + " -> " + wanted,
                1, requests.ipHash(http)));
        return get(slug);
    }

    private static void check(Settings s) {
        List<ProblemException.Invalid> invalid = new ArrayList<>();
        inRange(invalid, "unconfirmedDays", s.unconfirmedDays(), MAX_DAYS, "field.retention.days");
        inRange(invalid, "ipHashDays", s.ipHashDays(), MAX_DAYS, "field.retention.days");
        inRange(invalid, "anonymiseMonths", s.anonymiseMonths(), MAX_MONTHS, "field.retention.months");
        inRange(invalid, "letterDays", s.letterDays(), MAX_DAYS, "field.retention.days");
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid, null);
        }
    }

    private static void inRange(List<ProblemException.Invalid> invalid, String field, Integer value, int max,
                                String message) {
        if (value == null || value < 1 || value > max) {
            invalid.add(new ProblemException.Invalid(field, message));
        }
    }
}

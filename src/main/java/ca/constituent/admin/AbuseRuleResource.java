package ca.constituent.admin;

import ca.constituent.abuse.AbuseLists;
import ca.constituent.abuse.AbuseRule;
import ca.constituent.common.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/abuse-rules}: the block and allow lists (IP ranges, email domains, addresses). Reading is open to
 * viewers; changes are for admins and go to the audit log. Entries from configuration are listed with no id and are
 * changed in configuration.
 */
@Path("/api/admin/abuse-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
class AbuseRuleResource {

    /** A new entry: {@code list} block or allow, {@code kind} cidr, domain or address. */
    public record NewRule(String list, String kind, String value, String note) {
    }

    private final AbuseLists lists;
    private final AdminAudit audit;
    private final AdminRequests requests;
    private final CurrentAdmin current;

    AbuseRuleResource(AbuseLists lists, AdminAudit audit, AdminRequests requests, CurrentAdmin current) {
        this.lists = lists;
        this.audit = audit;
        this.requests = requests;
        this.current = current;
    }

    @GET
    @Operation(summary = "Every block and allow entry, configured ones first")
    public List<AbuseRule> rules() {
        return lists.rules();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    @Transactional
    @Operation(summary = "Add an entry; signatures it matches are held silently from now on (block) or exempt "
            + "from the rate limits (allow)")
    public Response add(NewRule rule, HttpServerRequest http) {
        NewRule r = rule == null ? new NewRule(null, null, null, null) : rule;
        AbuseRule added = lists.add(r.list(), r.kind(), r.value(), r.note());
        audit.record(AdminAudit.Entry.by(current.get(), "abuse-rule-add",
                added.list() + " " + added.kind() + " #" + added.id(), 1, requests.ipHash(http)));
        return Response.status(201).entity(added).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN)
    @Transactional
    @Operation(summary = "Remove an entry added here")
    public Response remove(long id, HttpServerRequest http) {
        if (!lists.remove(id)) {
            throw ProblemException.notFound("not-found");
        }
        audit.record(AdminAudit.Entry.by(current.get(), "abuse-rule-remove", "#" + id, 1, requests.ipHash(http)));
        return Response.noContent().build();
    }
}

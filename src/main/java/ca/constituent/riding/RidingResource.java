package ca.constituent.riding;

import ca.constituent.common.ProblemException;
import ca.constituent.common.Fields;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Ridings, and the lookups that find one from a postal code or a map point. Answers come from memory. */
@Path("/api/ridings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ridings")
class RidingResource {

    private final RidingLookup lookup;
    private final MpPhotos photos;

    RidingResource(RidingLookup lookup, MpPhotos photos) {
        this.lookup = lookup;
        this.photos = photos;
    }

    @GET
    @Path("/{fedCode: [0-9]{5}}/photo")
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif", MediaType.APPLICATION_JSON})
    @Blocking
    @Operation(summary = "The photo of the riding's MP, served from here so pages make no third-party request")
    @APIResponse(responseCode = "404", description = "No MP, no photo in the data, or the photo could not be fetched")
    public Response photo(@RestPath String fedCode) {
        String url = lookup.riding(fedCode).map(RidingView::mp).map(Mp::photoUrl).orElse(null);
        MpPhotos.Photo photo = url == null ? null : photos.photo(url).orElse(null);
        if (photo == null) {
            throw ProblemException.notFound("photo-not-found");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(photo.bytes(), photo.type()).cacheControl(cache).build();
    }

    @GET
    @NonBlocking
    @Operation(summary = "All 343 ridings (2023 Representation Order) with names in English and French, province "
            + "and MP; mp is null and vacant true when the seat is vacant")
    public List<RidingView> list() {
        return lookup.ridings();
    }

    @GET
    @Path("/{fedCode: [0-9]{5}}")
    @NonBlocking
    @Operation(summary = "One riding by its 5-digit code, with its MP (null when the seat is vacant)")
    @APIResponse(responseCode = "404", description = "No riding has this code (problem+json)")
    public RidingView get(@RestPath String fedCode) {
        return lookup.riding(fedCode).orElseThrow(() -> ProblemException.notFound("riding-not-found"));
    }

    @GET
    @Path("/lookup")
    @Operation(summary = "Candidate ridings for a postal code, most likely first",
            description = "Sources in order: an imported full postal-code table, cached answers of Open North's "
                    + "Represent API, Represent itself (when enabled, for ambiguous FSAs), then the ridings sharing "
                    + "the postal code's FSA by area share. Candidates outside the postal code's province are "
                    + "dropped. ambiguous is true when more than one candidate remains (FSA slivers under 1 % are "
                    + "dropped first); the signer should then choose. mp is null when a seat is vacant.")
    @APIResponse(responseCode = "400", description = "Missing or invalid postal code (problem+json with errors)")
    @APIResponse(responseCode = "404", description = "No source knows the postal code's FSA (problem+json)")
    public Uni<LookupResult> lookUp(
            @Parameter(description = "A Canadian postal code; spaces, hyphen and case are ignored", example = "K1A 0A6")
            @RestQuery String postalCode) {
        Fields fields = new Fields();
        PostalCode parsed = fields.parsed(postalCode, "postalCode", PostalCode::parse, "field.required");
        fields.check(null);
        Optional<LookupResult> inMemory = lookup.lookUpInMemory(parsed);
        if (inMemory.isPresent()) {
            return Uni.createFrom().item(inMemory.get());
        }
        return Uni.createFrom().item(() -> lookup.lookUp(parsed))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/locate")
    @NonBlocking
    @Operation(summary = "The riding containing a point (WGS84)",
            description = "A point in no riding, such as just offshore, gets the nearest riding within 5 km with "
                    + "nearest true and its distance in metres.")
    @APIResponse(responseCode = "400", description = "lat or lon missing, not a number or out of range")
    @APIResponse(responseCode = "404", description = "The point is not in or near any riding (problem+json)")
    public LocateResult locate(@Parameter(example = "45.4236") @RestQuery String lat,
                               @Parameter(example = "-75.7009") @RestQuery String lon) {
        Fields fields = new Fields();
        Double latitude = fields.coordinate(lat, "lat", 90, "field.required");
        Double longitude = fields.coordinate(lon, "lon", 180, "field.required");
        fields.check(null);
        return lookup.locate(latitude, longitude);
    }
}

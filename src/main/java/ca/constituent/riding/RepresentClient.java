package ca.constituent.riding;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Open North's Represent API, postal code resource ({@code GET /postcodes/K1A0A6/}). Only the boundary lists are
 * read: {@code boundaries_concordance} (official concordance, present when the code is linked to boundaries that way)
 * and {@code boundaries_centroid} (boundaries containing the code's centroid, for sets without concordance).
 */
@RegisterRestClient(configKey = "represent")
@Path("/postcodes")
interface RepresentClient {

    @GET
    @Path("/{code}/")
    @Produces(MediaType.APPLICATION_JSON)
    Postcode postcode(@PathParam("code") String code);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Postcode(String code,
                    @JsonProperty("boundaries_concordance") List<Boundary> concordance,
                    @JsonProperty("boundaries_centroid") List<Boundary> centroid) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Boundary(String name,
                    @JsonProperty("boundary_set_name") String boundarySetName,
                    @JsonProperty("external_id") String externalId) {
    }
}

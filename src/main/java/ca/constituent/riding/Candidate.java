package ca.constituent.riding;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A riding a postal code may belong to. {@code share} is the part of the postal code (or of its FSA) that lies in the
 * riding, 0 to 1, or null when the source gives no share. {@code mp} is null when the seat is vacant.
 */
public record Candidate(String fedCode, String nameEn, String nameFr, String province,
                        @Schema(description = "Share of the postal code or FSA in this riding (0-1); null when the "
                                + "source gives none") Double share,
                        Mp mp) {

    static Candidate of(RidingView riding, Double share) {
        return new Candidate(riding.fedCode(), riding.nameEn(), riding.nameFr(), riding.province(), share, riding.mp());
    }

    @JsonProperty("vacant")
    @Schema(description = "True when the seat is vacant; mp is then null")
    public boolean vacant() {
        return mp == null;
    }
}

package ca.constituent.riding;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A riding as clients see it: official 5-digit code, names in both languages, province, and its MP. A vacant seat
 * has {@code mp == null} (and {@code vacant == true}).
 */
public record RidingView(String fedCode, String nameEn, String nameFr, String province, Mp mp) {

    static RidingView from(Riding riding, MemberOfParliament mp) {
        return new RidingView(riding.fedCode, riding.nameEn, riding.nameFr, riding.province, Mp.from(mp));
    }

    @JsonProperty("vacant")
    @Schema(description = "True when the seat is vacant; mp is then null")
    public boolean vacant() {
        return mp == null;
    }
}

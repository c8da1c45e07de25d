package ca.constituent.signature;

import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Public counts of a campaign: confirmed signatures only (pending ones are not public). */
@Schema(description = "Counts may lag behind intake by a few seconds: they are rolled up on a schedule "
        + "(constituent.signatures.counts-every, 2 s by default) so that signing never waits on a shared counter.")
public record SignatureCounts(
        @Schema(description = "Confirmed signatures") long confirmed,
        @Schema(description = "Confirmed signatures by province or territory (two-letter code)")
        Map<String, Long> byProvince,
        @Schema(description = "Confirmed signatures by riding fed code; 'unknown' when the riding is not known")
        Map<String, Long> byRiding,
        int goal,
        @Schema(description = "When the counts were last rolled up") OffsetDateTime updatedAt) {
}

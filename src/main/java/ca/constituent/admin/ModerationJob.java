package ca.constituent.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;

/** A bulk moderation job and its progress: signatures scanned of those matched when it started, and changed. */
@TemplateData
public record ModerationJob(long id, String action, String reason, String status, int total, int scanned,
                            int changed, int batches, String actor, OffsetDateTime createdAt,
                            OffsetDateTime finishedAt) {

    /** Progress in percent, 100 when done. */
    @JsonProperty("percent")
    public int percent() {
        if ("done".equals(status)) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(99, scanned * 100L / total);
    }
}

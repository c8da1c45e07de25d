package ca.constituent.admin;

import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;
import java.util.List;

/** The MP-email outbox of a campaign: per riding and MP, and the letters that failed with their reason. */
@TemplateData
public record Letters(List<Inbox> inboxes, List<Failure> failures, Long oldestQueuedSeconds) {

    public Long oldestQueuedMinutes() {
        return oldestQueuedSeconds == null ? null : oldestQueuedSeconds / 60;
    }

    /** Letters held in every riding together. */
    public long held() {
        return inboxes.stream().mapToLong(Inbox::held).sum();
    }

    /**
     * One riding's letters by status ({@code held}: not sent because the riding's MP changed to a vacancy or an MP
     * without a known address), and how long its oldest queued letter has waited.
     */
    @TemplateData
    public record Inbox(String fedCode, String riding, String mp, long queued, long sending, long sent, long failed,
                        long held, Long oldestQueuedSeconds) {

        public Long oldestQueuedMinutes() {
            return oldestQueuedSeconds == null ? null : oldestQueuedSeconds / 60;
        }
    }

    @TemplateData
    public record Failure(long id, String fedCode, String riding, String mp, int attempts, OffsetDateTime createdAt,
                          String reason) {
    }
}

package ca.constituent.mpemail;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A letter as the signer sees it: drafted, or as it was queued and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MpEmailView(
        @Schema(description = "The MP the letter goes to; null while the riding or its MP is unknown") Recipient to,
        String subject,
        String body,
        String language,
        @Schema(description = "The same letter as a mailto: link, for the signer's own mail client") String mailtoUrl,
        @Schema(enumeration = {"draft", "queued", "sending", "sent", "failed"}) String status,
        @Schema(description = "Why the letter cannot be sent yet: not-confirmed, riding-unknown, seat-vacant, "
                + "mp-email-unknown; absent when it can") String blockedBy,
        @Schema(description = "When the riding is unknown: the postal code's candidate ridings, to choose from with "
                + "PUT /api/signatures/{id}/riding") List<RidingChoice> ridingChoices) {

    /** A riding the signer may choose. */
    public record RidingChoice(String fedCode, String name, String mpName) {
    }

    /** Who a letter goes to. */
    public record Recipient(String name, String email) {
    }
}

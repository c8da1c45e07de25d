package ca.constituent.mpemail;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the MP email endpoints. */
final class MpEmailRequests {

    private MpEmailRequests() {
    }

    /** The signer's final word on the letter; absent fields keep the draft. */
    @Schema(description = "Edits to the drafted letter; absent fields keep the draft")
    record Send(@Schema(maxLength = 200, description = "One line, no line breaks") String subject,
                @Schema(maxLength = 10000) String body,
                @Schema(description = "Mail the signer a copy of their own once the letter has left (not a Cc)")
                Boolean copyToSigner) {
    }

    /** The form's fields, as the signer types them, to preview the letter before signing. */
    record Preview(String firstName, String lastName, String postalCode, String fedCode, String language,
                   String personalNote) {
    }
}

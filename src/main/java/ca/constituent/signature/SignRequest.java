package ca.constituent.signature;

import ca.constituent.common.ScalarText;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the form sends, as typed. Every field is read as text so that a wrong value gets a field error in the
 * signer's language; a JSON value of the wrong type (a number for a name) is refused as a malformed body naming the
 * field. The consent and the coordinates may also be sent as a JSON boolean or number.
 */
@Schema(description = "A signature as the form sends it")
public record SignRequest(
        @Schema(required = true, maxLength = 100) String firstName,
        @Schema(required = true, maxLength = 100) String lastName,
        @Schema(required = true, maxLength = 254, example = "signer@example.ca") String email,
        @Schema(required = true, example = "K1A 0A6") String postalCode,
        @Schema(description = "Riding chosen by the signer when the postal code spans several", example = "35079")
        String fedCode,
        @Schema(enumeration = {"en", "fr"}, description = "Defaults to the Accept-Language header") String language,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN,
                description = "Consent to hear from the campaign again; false when absent")
        @JsonDeserialize(using = ScalarText.class) String consentUpdates,
        @Schema(maxLength = 2000, description = "Added to the signer's letter to their MP") String personalNote,
        @Schema(description = "Latitude of a point the signer chose on a map (with longitude)", example = "45.4236")
        @JsonDeserialize(using = ScalarText.class) String latitude,
        @Schema(description = "Longitude of that point", example = "-75.7009")
        @JsonDeserialize(using = ScalarText.class) String longitude) {

    /** The same request without a map point, as a plain form sends it. */
    public SignRequest(String firstName, String lastName, String email, String postalCode, String fedCode,
                       String language, String consentUpdates, String personalNote) {
        this(firstName, lastName, email, postalCode, fedCode, language, consentUpdates, personalNote, null, null);
    }
}

package ca.constituent.signature;

import ca.constituent.common.Language;
import ca.constituent.riding.PostalCode;

/** A signature that passed validation, normalised and ready to store. */
record NewSignature(String firstName, String lastName, String email, String canonicalEmail, PostalCode postalCode,
                    String fedCode, Language language, boolean consentUpdates, String personalNote,
                    Double latitude, Double longitude) {

    NewSignature withFedCode(String riding) {
        return new NewSignature(firstName, lastName, email, canonicalEmail, postalCode, riding, language,
                consentUpdates, personalNote, latitude, longitude);
    }
}

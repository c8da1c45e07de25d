package ca.constituent.signature;

import ca.constituent.common.Fields;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.riding.PostalCode;
import ca.constituent.riding.Province;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises a {@link SignRequest}; collects every problem at once so the form can show them all. */
final class SignatureValidator {

    static final Pattern FED_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern CONSENT = Pattern.compile("(?i)true|on|yes|oui|1|false|off|no|non|0");
    private static final Pattern YES = Pattern.compile("true|on|yes|oui|1");

    private SignatureValidator() {
    }

    /**
     * @param fallback the language of the request's headers, used when the body does not say
     * @throws ProblemException listing every invalid field, in the signer's language
     */
    static NewSignature validate(SignRequest request, Language fallback) {
        Fields fields = new Fields();
        Language language = fields.parsed(request.language(), "language", Language::parse, null);
        if (language == null) {
            language = fallback;
        }
        String firstName = plainName(fields,
                fields.line(request.firstName(), "firstName", Fields.MAX_NAME, "field.required"), "firstName");
        String lastName = plainName(fields,
                fields.line(request.lastName(), "lastName", Fields.MAX_NAME, "field.required"), "lastName");
        String email = fields.parsed(request.email(), "email", EmailAddress::parse, "field.required");
        if (email != null && email.length() > EmailAddress.MAX_LENGTH) {
            fields.add("email", "field.email.too-long");
            email = null;
        }
        PostalCode postalCode = fields.parsed(request.postalCode(), "postalCode", PostalCode::parse,
                "field.required");
        String fedCode = fields.code(request.fedCode(), "fedCode", FED_CODE);
        if (fedCode != null && postalCode != null && !Province.contains(postalCode.province(), fedCode)) {
            fields.add("fedCode", "field.fedCode.invalid");
        }
        String consent = fields.code(request.consentUpdates(), "consentUpdates", CONSENT);
        String note = fields.lines(request.personalNote(), "personalNote", Fields.MAX_NOTE, null);
        Double latitude = fields.coordinate(request.latitude(), "latitude", 90, null);
        Double longitude = fields.coordinate(request.longitude(), "longitude", 180, null);
        if ((latitude == null) != (longitude == null) && fields.valid()) {
            fields.add(latitude == null ? "latitude" : "longitude", "field.required");
        }
        fields.check(language);
        return new NewSignature(firstName, lastName, email, CanonicalEmail.of(email), postalCode, fedCode, language,
                consent != null && YES.matcher(consent.toLowerCase(Locale.ROOT)).matches(), note, latitude,
                longitude);
    }

    /**
     * Checks the corrections made on the confirmation page with the form's own rules.
     *
     * @throws ProblemException listing every invalid field, in the signer's language
     */
    static Corrections corrections(String firstName, String lastName, String personalNote, String consent,
                                   Language language) {
        Fields fields = new Fields();
        String first = plainName(fields, fields.line(firstName, "firstName", Fields.MAX_NAME, "field.required"),
                "firstName");
        String last = plainName(fields, fields.line(lastName, "lastName", Fields.MAX_NAME, "field.required"),
                "lastName");
        String note = fields.lines(personalNote, "personalNote", Fields.MAX_NOTE, null);
        String given = fields.code(consent, "consentUpdates", CONSENT);
        fields.check(language);
        return new Corrections(first, last, note, given != null && YES.matcher(given.toLowerCase(Locale.ROOT)).matches());
    }

    /** A name goes into a mail's greeting: no link, address or domain, few digits ({@link PlainName}). */
    private static String plainName(Fields fields, String name, String field) {
        if (name != null && !PlainName.isPlain(name)) {
            fields.add(field, "field." + field + ".invalid");
            return null;
        }
        return name;
    }
}

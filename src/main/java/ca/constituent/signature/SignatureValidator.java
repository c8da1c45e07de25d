package ca.constituent.signature;

import ca.constituent.common.Language;
import ca.constituent.common.PlainText;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemException.Invalid;
import ca.constituent.riding.PostalCode;
import ca.constituent.riding.Province;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks and normalises a {@link SignRequest}; collects every problem at once so the form can show them all. */
final class SignatureValidator {

    static final int MAX_NAME = 100;
    static final int MAX_NOTE = 2000;

    private SignatureValidator() {
    }

    /**
     * @param fallback the language of the request's headers, used when the body does not say
     * @throws ProblemException listing every invalid field, in the signer's language
     */
    static NewSignature validate(SignRequest request, Language fallback) {
        List<Invalid> invalid = new ArrayList<>();
        Language language = fallback;
        if (present(request.language())) {
            Optional<Language> parsed = Language.parse(request.language());
            if (parsed.isPresent()) {
                language = parsed.get();
            } else {
                invalid.add(new Invalid("language", "field.language.invalid"));
            }
        }

        String firstName = name(request.firstName(), "firstName", invalid);
        String lastName = name(request.lastName(), "lastName", invalid);

        String email = null;
        if (!present(request.email())) {
            invalid.add(new Invalid("email", "field.required"));
        } else {
            Optional<String> parsed = EmailAddress.parse(request.email());
            if (parsed.isEmpty()) {
                invalid.add(new Invalid("email", "field.email.invalid"));
            } else if (parsed.get().length() > EmailAddress.MAX_LENGTH) {
                invalid.add(new Invalid("email", "field.email.too-long"));
            } else {
                email = parsed.get();
            }
        }

        PostalCode postalCode = null;
        if (!present(request.postalCode())) {
            invalid.add(new Invalid("postalCode", "field.required"));
        } else {
            postalCode = PostalCode.parse(request.postalCode()).orElse(null);
            if (postalCode == null) {
                invalid.add(new Invalid("postalCode", "field.postalCode.invalid"));
            }
        }

        String fedCode = null;
        if (present(request.fedCode())) {
            fedCode = request.fedCode().strip();
            if (!fedCode.matches("[0-9]{5}")
                    || (postalCode != null && !Province.contains(postalCode.province(), fedCode))) {
                invalid.add(new Invalid("fedCode", "field.fedCode.invalid"));
            }
        }

        Boolean consent = consent(request.consentUpdates());
        if (consent == null) {
            invalid.add(new Invalid("consentUpdates", "field.consentUpdates.invalid"));
        }

        String note = null;
        if (present(request.personalNote())) {
            note = Normalizer.normalize(request.personalNote().replace("\r\n", "\n").replace('\r', '\n'),
                    Normalizer.Form.NFC).strip();
            if (note.codePointCount(0, note.length()) > MAX_NOTE) {
                invalid.add(new Invalid("personalNote", "field.personalNote.too-long"));
            } else if (!PlainText.isPlainText(note, true)) {
                invalid.add(new Invalid("personalNote", "field.personalNote.invalid"));
            }
        }

        Double latitude = coordinate(request.latitude(), 90, "latitude", invalid);
        Double longitude = coordinate(request.longitude(), 180, "longitude", invalid);
        if ((latitude == null) != (longitude == null) && invalid.isEmpty()) {
            invalid.add(new Invalid(latitude == null ? "latitude" : "longitude", "field.required"));
        }

        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid, language);
        }
        return new NewSignature(firstName, lastName, email, CanonicalEmail.of(email), postalCode, fedCode, language,
                consent, note == null || note.isEmpty() ? null : note, latitude, longitude);
    }

    private static String name(String raw, String field, List<Invalid> invalid) {
        if (!present(raw)) {
            invalid.add(new Invalid(field, "field.required"));
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll(" {2,}", " ");
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME || !PlainText.isPlainText(name, false) || !PlainName.isPlain(name)) {
            invalid.add(new Invalid(field, "field." + field + ".invalid"));
            return null;
        }
        return name;
    }

    private static Double coordinate(String raw, double bound, String field, List<Invalid> invalid) {
        if (!present(raw)) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isFinite(value) && value >= -bound && value <= bound) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        invalid.add(new Invalid(field, "field." + field + ".invalid"));
        return null;
    }

    private static Boolean consent(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "oui", "1" -> true;
            case "false", "off", "no", "non", "0" -> false;
            default -> null;
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package ca.constituent.mpemail;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** What a letter template may use: {@code signer}, {@code riding}, {@code mp} and {@code campaign}. */
final class LetterData {

    private LetterData() {
    }

    @TemplateData
    record Signer(String firstName, String lastName, String postalCode, String personalNote) {
        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    @TemplateData
    record Riding(String fedCode, String name) {
    }

    @TemplateData
    record Mp(String name, String party) {
    }

    @TemplateData
    record Campaign(String title, List<String> asks) {
    }
}

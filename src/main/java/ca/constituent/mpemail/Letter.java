package ca.constituent.mpemail;

import ca.constituent.common.Language;

/** A drafted letter: the subject picked for it and the rendered body. */
record Letter(String subject, String body, Language language) {
}

package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.Texts;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** What every dashboard page gets: texts in its language, the organiser, the CSRF token, the current page. */
@ApplicationScoped
class AdminPages {

    private final AdminRequests requests;

    AdminPages(AdminRequests requests) {
        this.requests = requests;
    }

    TemplateInstance page(Template template, Language language, SignedIn who, String path) {
        return template.data("t", new Texts(language))
                .data("lang", language.code())
                .data("other", language == Language.FR ? "en" : "fr")
                .data("who", who)
                .data("admin", who != null && who.isAdmin())
                .data("csrf", who == null ? "" : requests.csrfToken(who))
                .data("path", path);
    }
}

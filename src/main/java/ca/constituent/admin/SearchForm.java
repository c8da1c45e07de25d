package ca.constituent.admin;

import ca.constituent.common.Language;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The moderation page's search, as typed: read from the query of the page and of its forms' actions, shown back in
 * the form, and carried over to the page a write returns to.
 */
@TemplateData
public class SearchForm {

    @RestQuery
    public String campaign;
    @RestQuery
    public String lang;
    @RestQuery
    public String email;
    @RestQuery
    public String domain;
    @RestQuery
    public String postalCode;
    @RestQuery
    public String riding;
    @RestQuery
    public String from;
    @RestQuery
    public String to;
    @RestQuery
    public String ipHash;
    @RestQuery
    public String state;

    SignatureFilter filter(Language language) {
        return SignatureFilter.of(email, domain, postalCode, riding, from, to, ipHash, state, language);
    }

    /** The query string of this search on the page of {@code slug}. */
    String query(String slug, Language language) {
        StringBuilder q = new StringBuilder("campaign=").append(encode(slug)).append("&lang=").append(language.code());
        append(q, "email", email);
        append(q, "domain", domain);
        append(q, "postalCode", postalCode);
        append(q, "riding", riding);
        append(q, "from", from);
        append(q, "to", to);
        append(q, "ipHash", ipHash);
        append(q, "state", state);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append('&').append(name).append('=').append(encode(value.trim()));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

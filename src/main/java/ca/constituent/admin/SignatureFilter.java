package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.signature.CanonicalEmail;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an organiser searches signatures by, each part optional and all parts combined: the address (compared in its
 * canonical form, as intake does), its domain, a postal code or FSA, a riding ({@code unknown} for none), a date range
 * (UTC days, both ends included), an IP hash, a state. Built only through {@link #of}, which refuses anything else.
 */
record SignatureFilter(String email, String domain, String postalCode, String riding, LocalDate from, LocalDate to,
                       String ipHash, String state) {

    static final Set<String> STATES = Set.of("pending", "confirmed", "held", "invalidated", "fraudulent");
    private static final Pattern POSTAL = Pattern.compile("[A-Z][0-9][A-Z]([0-9][A-Z][0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]{1,253}\\.[a-z]{2,63}");
    private static final Pattern RIDING = Pattern.compile("[0-9]{5}|unknown");
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A filter from a search form or query; 400 naming each part that is not valid. */
    static SignatureFilter of(String email, String domain, String postalCode, String riding, String from, String to,
                              String ipHash, String state, Language language) {
        List<ProblemException.Invalid> invalid = new ArrayList<>();
        String canonical = blank(email) ? null : email.trim();
        if (canonical != null) {
            int at = canonical.lastIndexOf('@');
            if (at < 1 || at == canonical.length() - 1 || canonical.length() > 254 || canonical.contains(" ")) {
                invalid.add(new ProblemException.Invalid("email", "admin.filter.email.invalid"));
            } else {
                canonical = CanonicalEmail.of(canonical);
            }
        }
        String dom = blank(domain) ? null : domain.trim().toLowerCase(Locale.ROOT);
        check(dom, DOMAIN, "domain", invalid);
        String postal = blank(postalCode) ? null : postalCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        check(postal, POSTAL, "postalCode", invalid);
        String fed = blank(riding) ? null : riding.trim().toLowerCase(Locale.ROOT);
        fed = "inconnue".equals(fed) || "inconnu".equals(fed) ? "unknown" : fed; // as the French form says it
        check(fed, RIDING, "riding", invalid);
        String hash = blank(ipHash) ? null : ipHash.trim();
        check(hash, HASH, "ipHash", invalid);
        String st = blank(state) ? null : state.trim();
        if (st != null && !STATES.contains(st)) {
            invalid.add(new ProblemException.Invalid("state", "admin.filter.state.invalid"));
        }
        LocalDate since = date(from, "from", invalid);
        LocalDate until = date(to, "to", invalid);
        if (since != null && until != null && until.isBefore(since)) {
            invalid.add(new ProblemException.Invalid("to", "admin.filter.to.before-from"));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid, language);
        }
        if (postal != null && postal.length() == 6) {
            postal = postal.substring(0, 3) + " " + postal.substring(3);
        }
        return new SignatureFilter(canonical, dom, postal, fed, since, until, hash, st);
    }

    /** True when no part is set: the whole campaign. */
    @JsonIgnore
    boolean isEmpty() {
        return email == null && domain == null && postalCode == null && riding == null && from == null && to == null
                && ipHash == null && state == null;
    }

    /**
     * Appends this filter's conditions on table alias {@code s} to {@code sql}, each as {@code AND ...} with its
     * value added to {@code params} (placeholders {@code ?n} numbered after the values already there).
     */
    void appendTo(StringBuilder sql, List<Object> params) {
        add(sql, params, "s.canonical_email = ?", email);
        add(sql, params, "split_part(s.canonical_email, '@', 2) = ?", domain);
        if (postalCode != null) {
            add(sql, params, postalCode.length() == 3 ? "s.postal_code LIKE ?" : "s.postal_code = ?",
                    postalCode.length() == 3 ? postalCode + "%" : postalCode);
        }
        if ("unknown".equals(riding)) {
            sql.append(" AND s.fed_code IS NULL");
        } else {
            add(sql, params, "s.fed_code = ?", riding);
        }
        add(sql, params, "s.created_at >= ?", from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC));
        add(sql, params, "s.created_at < ?", to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        add(sql, params, "s.ip_hash = ?", ipHash);
        add(sql, params, "s.state = ?", state);
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(" AND ").append(condition.replace("?", "?" + params.size()));
        }
    }

    private static void check(String value, Pattern pattern, String field, List<ProblemException.Invalid> invalid) {
        if (value != null && !pattern.matcher(value).matches()) {
            invalid.add(new ProblemException.Invalid(field, "admin.filter." + field + ".invalid"));
        }
    }

    private static LocalDate date(String value, String field, List<ProblemException.Invalid> invalid) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            invalid.add(new ProblemException.Invalid(field, "admin.filter.date.invalid"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

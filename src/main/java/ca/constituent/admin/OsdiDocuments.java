package ca.constituent.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The OSDI documents: resources with {@code identifiers}, {@code created_date}, {@code modified_date} and
 * {@code _links}, collections with {@code page}, {@code per_page}, {@code total_pages}, {@code total_records},
 * {@code _links} (self, next, prev, the osdi curie) and {@code _embedded}. {@code href} turns a path under
 * {@code /api/admin/osdi/v1} into an absolute address.
 */
final class OsdiDocuments {

    static final String CURIE = "https://opensupporter.github.io/osdi-docs/{rel}";
    static final String SYSTEM = "Constituent";

    private OsdiDocuments() {
    }

    static Map<String, Object> collection(String rel, String path, Osdi.Page page, int number, int perPage,
                                          Function<String, String> href) {
        long totalPages = Math.max(1, (page.total() + perPage - 1) / perPage);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(href.apply(path + "?page=" + number + "&per_page=" + perPage)));
        if (number < totalPages) {
            links.put("next", link(href.apply(path + "?page=" + (number + 1) + "&per_page=" + perPage)));
        }
        if (number > 1) {
            links.put("prev", link(href.apply(path + "?page=" + (number - 1) + "&per_page=" + perPage)));
        }
        links.put("osdi:" + rel, page.records().stream().map(r -> self(r)).toList());
        links.put("curies", List.of(Map.of("name", "osdi", "href", CURIE, "templated", true)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("total_pages", totalPages);
        doc.put("per_page", perPage);
        doc.put("page", number);
        doc.put("total_records", page.total());
        doc.put("_links", links);
        doc.put("_embedded", Map.of("osdi:" + rel, page.records()));
        return doc;
    }

    static Map<String, Object> petition(Object[] r, Function<String, String> href) {
        String slug = (String) r[0];
        Map<String, Object> doc = resource("constituent:" + slug, r[1], r[1]);
        doc.put("origin_system", SYSTEM);
        doc.put("title", r[2]);
        doc.put("description", r[3]);
        doc.put("target", List.of(Map.of("name", "Members of Parliament")));
        doc.put("total_signatures", ((Number) r[6]).longValue());
        doc.put("status", r[5]);
        doc.put("goal", ((Number) r[4]).intValue());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(href.apply("/petitions/" + slug)));
        links.put("osdi:signatures", link(href.apply("/petitions/" + slug + "/signatures")));
        links.put("osdi:outreaches", link(href.apply("/petitions/" + slug + "/outreaches")));
        doc.put("_links", links);
        return doc;
    }

    /** A confirmed signature; the signer as {@code person} only with consent to updates. */
    static Map<String, Object> signature(Object[] r, String slug, Function<String, String> href) {
        String id = r[0].toString();
        Map<String, Object> doc = resource("constituent:" + id, r[1], r[2] == null ? r[1] : r[2]);
        doc.put("origin_system", SYSTEM);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("riding", r[4] == null ? "unknown" : r[4]);
        fields.put("province", r[3]);
        fields.put("language", r[10]);
        fields.put("consent_updates", r[5]);
        doc.put("custom_fields", fields);
        if (Boolean.TRUE.equals(r[5])) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("given_name", r[6]);
            person.put("family_name", r[7]);
            person.put("email_addresses", List.of(Map.of("address", r[8], "primary", true)));
            person.put("postal_addresses", List.of(Map.of("postal_code", r[9], "region", r[3], "country", "CA",
                    "primary", true)));
            person.put("languages_spoken", List.of(r[10]));
            doc.put("person", person);
        }
        doc.put("_links", Map.of("self", link(href.apply("/petitions/" + slug + "/signatures/" + id)),
                "osdi:petition", link(href.apply("/petitions/" + slug))));
        return doc;
    }

    /** A letter to an MP: the target, the subject and (until erased) the message. */
    static Map<String, Object> outreach(Object[] r, String slug, Function<String, String> href) {
        String id = r[0].toString();
        Map<String, Object> doc = resource("constituent:mp_email:" + id, r[1], r[2]);
        doc.put("origin_system", SYSTEM);
        doc.put("type", "email");
        doc.put("status", r[3]);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("title", "Member of Parliament");
        target.put("name", r[5]);
        target.put("ocdid", "ocd-division/country:ca/ed:" + r[4]);
        doc.put("targets", List.of(target));
        doc.put("subject", r[6]);
        if (r[7] != null) {
            doc.put("message", r[7]);
        }
        doc.put("_links", Map.of("self", link(href.apply("/petitions/" + slug + "/outreaches/" + id)),
                "osdi:petition", link(href.apply("/petitions/" + slug)),
                "osdi:signature", link(href.apply("/petitions/" + slug + "/signatures/" + r[9]))));
        return doc;
    }

    private static Map<String, Object> resource(String identifier, Object created, Object modified) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("identifiers", new ArrayList<>(List.of(identifier)));
        doc.put("created_date", AdminAudit.toOffset(created).toString());
        doc.put("modified_date", AdminAudit.toOffset(modified).toString());
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Object self(Map<String, Object> record) {
        return ((Map<String, Object>) record.get("_links")).get("self");
    }

    private static Map<String, Object> link(String href) {
        return Map.of("href", href);
    }
}

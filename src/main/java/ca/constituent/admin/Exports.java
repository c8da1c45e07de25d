package ca.constituent.admin;

import ca.constituent.campaign.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * A campaign's CSV exports. Confirmed signatures only (invalidated, held and pending ones are never exported); name,
 * address and full postal code only for signers who consented to updates, the others with riding, province and dates.
 */
@ApplicationScoped
class Exports {

    private static final List<String> SIGNATURE_COLUMNS = List.of("id", "signed_at", "confirmed_at", "province",
            "riding", "riding_name", "language", "consent_updates", "first_name", "last_name", "email",
            "postal_code");

    private static final String SIGNATURES = """
            SELECT s.id, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   to_char(s.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.province,
                   coalesce(s.fed_code, 'unknown'), r.name_en, s.language, s.consent_updates::text,
                   CASE WHEN s.consent_updates THEN s.first_name END, CASE WHEN s.consent_updates THEN s.last_name END,
                   CASE WHEN s.consent_updates THEN s.email END, CASE WHEN s.consent_updates THEN s.postal_code END
            FROM signature s LEFT JOIN riding r ON r.fed_code = s.fed_code
            WHERE s.campaign_id = ? AND s.state = 'confirmed'
            ORDER BY s.created_at, s.id
            """;

    private static final String BY_RIDING = """
            SELECT c.fed_code, r.name_en, r.name_fr, coalesce(r.province, c.province), sum(c.n)
            FROM signature_count c LEFT JOIN riding r ON r.fed_code = c.fed_code
            WHERE c.campaign_id = ? AND c.state = 'confirmed'
            GROUP BY c.fed_code, r.name_en, r.name_fr, coalesce(r.province, c.province)
            HAVING sum(c.n) <> 0 ORDER BY c.fed_code
            """;

    private static final String BY_PROVINCE = """
            SELECT province, sum(n) FROM signature_count WHERE campaign_id = ? AND state = 'confirmed'
            GROUP BY province HAVING sum(n) <> 0 ORDER BY province
            """;

    private final CsvExport csv;

    Exports(CsvExport csv) {
        this.csv = csv;
    }

    StreamingOutput signatures(String slug, SignedIn who, String ipHash) {
        Campaign campaign = CampaignStats.campaign(slug);
        return csv.stream(SIGNATURE_COLUMNS, SIGNATURES, List.of(campaign.id),
                AdminAudit.Entry.by(who, "export-signatures", "campaign:" + slug, null, ipHash));
    }

    /** Confirmed signatures per riding ({@code unknown} when not known) as the counts journal last rolled them up. */
    StreamingOutput byRiding(String slug, SignedIn who, String ipHash) {
        Campaign campaign = CampaignStats.campaign(slug);
        return csv.stream(List.of("riding", "name_en", "name_fr", "province", "confirmed"), BY_RIDING,
                List.of(campaign.id), AdminAudit.Entry.by(who, "export-counts-by-riding", "campaign:" + slug, null,
                        ipHash));
    }

    StreamingOutput byProvince(String slug, SignedIn who, String ipHash) {
        Campaign campaign = CampaignStats.campaign(slug);
        return csv.stream(List.of("province", "confirmed"), BY_PROVINCE, List.of(campaign.id),
                AdminAudit.Entry.by(who, "export-counts-by-province", "campaign:" + slug, null, ipHash));
    }
}

package ca.constituent.campaign;

import ca.constituent.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A campaign: what signers ask their MPs for, in both languages, and how many signatures it aims for. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    /** What the database accepts as a slug (a CHECK constraint says the same). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "title_fr")
    public String titleFr;

    @Column(name = "summary_en")
    public String summaryEn;

    @Column(name = "summary_fr")
    public String summaryFr;

    public int goal;

    /** Short name shown after the signer's name in letters: "Marie Tremblay via End ICE Complicity". */
    @Column(name = "sender_name")
    public String senderName;

    public String status;

    /** Who runs the campaign, as shown on its pages. */
    @Column(name = "organiser_en")
    public String organiserEn;

    @Column(name = "organiser_fr")
    public String organiserFr;

    /** Where people write with questions about the campaign. */
    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** When the campaign starts taking signatures; null: as soon as it is open. */
    @Column(name = "opens_at")
    public OffsetDateTime opensAt;

    /** When it stops taking signatures, confirmations and letters; null: when an organiser closes it. */
    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_ask", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<Ask> asks = new ArrayList<>();

    /** The sources behind the summary, in order, each in one language. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_source", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderBy("language, position")
    public List<Source> sources = new ArrayList<>();

    /** One thing the campaign asks for. */
    @Embeddable
    public static class Ask {
        @Column(name = "text_en")
        public String textEn;

        @Column(name = "text_fr")
        public String textFr;
    }

    /** A link to a source behind the campaign's claims, in {@code language}. */
    @Embeddable
    public static class Source {
        public String language;

        public int position;

        public String label;

        public String url;
    }

    /** The campaign with this slug; anything that is not slug-shaped (NUL, long, unicode) matches none, unread. */
    public static Optional<Campaign> findBySlug(String slug) {
        if (!isSlug(slug)) {
            return Optional.empty();
        }
        return find("slug", slug).firstResultOptional();
    }

    /** The campaign at {@code slug} if the public may see it (not a draft); otherwise 404 campaign-not-found. */
    public static Campaign findPublic(String slug) {
        return findBySlug(slug)
                .filter(c -> !DRAFT.equals(c.status))
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found"));
    }

    /** Whether the text is shaped like a slug: lower-case letters and digits in words joined by hyphens. */
    public static boolean isSlug(String slug) {
        return slug != null && slug.length() <= 80 && SLUG.matcher(slug).matches();
    }

    /** Campaigns the public may see: open and closed ones, not drafts. */
    public static List<Campaign> listPublic() {
        return list("status <> ?1 order by createdAt desc, id desc", DRAFT);
    }

    /** The oldest open campaign within its dates: the stable answer to "which campaign is running". */
    public static Optional<Campaign> oldestTakingSignatures() {
        return Campaign.<Campaign>list("status = ?1 order by createdAt asc, id asc", OPEN).stream()
                .filter(Campaign::acceptsSignatures).findFirst();
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /**
     * Whether the campaign takes signatures, confirmations and letters now: open, and within its dates (the SQL
     * function {@code campaign_accepts} says the same inside the intake's statement).
     */
    public boolean acceptsSignatures() {
        OffsetDateTime now = OffsetDateTime.now();
        return isOpen() && (opensAt == null || !opensAt.isAfter(now)) && (closesAt == null || closesAt.isAfter(now));
    }

    /**
     * Why the campaign takes nothing now, as a 409 problem: {@code campaign-not-open} before its opening (or while a
     * draft), {@code campaign-closed} after.
     */
    public ProblemException refusal() {
        boolean early = DRAFT.equals(status) || isOpen() && opensAt != null && opensAt.isAfter(OffsetDateTime.now());
        return ProblemException.conflict(early ? "campaign-not-open" : "campaign-closed");
    }
}

package ca.constituent.signature;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One person's signature on one campaign. It starts {@code pending}, becomes {@code confirmed} once the signer
 * proves the mailbox is theirs, and organisers may mark it {@code fraudulent} or {@code invalidated}. Rows are
 * inserted by {@link SignatureService#sign} in one SQL statement; this entity is for reading and state changes.
 */
@Entity
@Table(name = "signature")
public class Signature extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String FRAUDULENT = "fraudulent";
    public static final String INVALIDATED = "invalidated";
    /** Stored but set aside by the abuse controls: no mail, not counted; a later clean signature revives it. */
    public static final String HELD = "held";

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public long campaignId;

    public String state;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    @Column(name = "canonical_email")
    public String canonicalEmail;

    @Column(name = "postal_code")
    public String postalCode;

    public String province;

    @Column(name = "fed_code")
    public String fedCode;

    public String language;

    @Column(name = "consent_updates")
    public boolean consentUpdates;

    @Column(name = "personal_note")
    public String personalNote;

    @Column(name = "ip_hash")
    public String ipHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    public boolean isConfirmed() {
        return CONFIRMED.equals(state);
    }
}

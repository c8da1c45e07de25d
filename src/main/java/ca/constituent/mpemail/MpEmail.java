package ca.constituent.mpemail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A signer's letter to their MP and its place in the outbox: {@code queued}, then {@code sending} while a worker
 * holds it, then {@code sent} or {@code failed}; {@code held} while its riding has no MP to address it to. One
 * per signature at most (a unique index says so).
 */
@Entity
@Table(name = "mp_email")
public class MpEmail extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    /** Not sent: the riding's MP changed to a vacancy or an MP without a known address (see held_reason). */
    public static final String HELD = "held";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "signature_id")
    public UUID signatureId;

    @Column(name = "campaign_id")
    public long campaignId;

    @Column(name = "fed_code")
    public String fedCode;

    public String language;

    @Column(name = "to_name")
    public String toName;

    @Column(name = "to_email")
    public String toEmail;

    @Column(name = "from_name")
    public String fromName;

    @Column(name = "reply_to")
    public String replyTo;

    @Column(name = "copy_to_signer")
    public boolean copyToSigner;

    public String subject;

    public String body;

    public String status;

    public int attempts;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", insertable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "last_error")
    public String lastError;

    /** Why a held letter waits: {@code seat-vacant} or {@code mp-email-unknown}. */
    @Column(name = "held_reason")
    public String heldReason;

    static Optional<MpEmail> findBySignature(UUID signatureId) {
        return find("signatureId", signatureId).firstResultOptional();
    }
}

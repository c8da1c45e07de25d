package ca.constituent.signature;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A confirmation mail waiting in, or gone from, the queue that {@link ConfirmationMailer} drains. */
@Entity
@Table(name = "confirmation_mail")
public class ConfirmationMail extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "signature_id")
    public UUID signatureId;

    public String status;

    public int attempts;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "last_error")
    public String lastError;
}

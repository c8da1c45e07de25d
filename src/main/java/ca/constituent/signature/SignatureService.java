package ca.constituent.signature;

import ca.constituent.common.Keys;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Signing and confirming: the rules of intake, and the only code that writes signatures. */
@ApplicationScoped
public class SignatureService {

    /**
     * One statement, so one round trip and one transaction: insert the signature unless its canonical email already
     * signed this campaign, then queue a confirmation mail for the new or existing pending signature unless it had
     * its share of mails in the last 24 hours. Fifty identical concurrent requests leave one row: the unique index
     * decides, and the losers see the winner's row (or, if it is not yet visible, queue no mail: the winner does).
     */
    private static final String SIGN = """
            WITH c AS (
                SELECT id, status FROM campaign WHERE slug = ?
            ), ins AS (
                INSERT INTO signature (id, campaign_id, first_name, last_name, email, canonical_email, postal_code,
                                       province, fed_code, language, consent_updates, personal_note, ip_hash)
                SELECT ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM c WHERE c.status = 'open'
                ON CONFLICT (campaign_id, canonical_email) DO NOTHING
                RETURNING id, state
            ), target AS (
                SELECT id, state FROM ins
                UNION ALL
                SELECT s.id, s.state FROM signature s JOIN c ON s.campaign_id = c.id
                WHERE c.status = 'open' AND s.canonical_email = ? AND NOT EXISTS (SELECT 1 FROM ins)
            ), mail AS (
                INSERT INTO confirmation_mail (signature_id)
                SELECT t.id FROM target t
                WHERE t.state = 'pending'
                  AND (SELECT count(*) FROM confirmation_mail m
                       WHERE m.signature_id = t.id AND m.created_at > now() - interval '1 day') < ?
                RETURNING id
            )
            SELECT (SELECT status FROM c), (SELECT count(*) FROM ins), (SELECT count(*) FROM mail)
            """;

    enum Outcome { SIGNED, ALREADY_SIGNED, INVALID, CAMPAIGN_CLOSED, CAMPAIGN_NOT_FOUND }

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, NOT_FOUND }

    private final AgroalDataSource dataSource;
    private final Keys keys;
    private final SignerKeys signerKeys;
    private final SignatureConfig config;
    private final MeterRegistry registry;

    SignatureService(AgroalDataSource dataSource, Keys keys, SignerKeys signerKeys, SignatureConfig config,
                     MeterRegistry registry) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.signerKeys = signerKeys;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Validates and stores a signature and queues its confirmation mail.
     *
     * @param headerLanguage the language of the request headers, used when the body names none
     * @param remoteAddress  the client's address; only its keyed hash is stored
     */
    public SignatureReceipt sign(String slug, SignRequest request, Language headerLanguage, String remoteAddress) {
        NewSignature signature;
        try {
            signature = SignatureValidator.validate(request, headerLanguage);
        } catch (ProblemException e) {
            count(Outcome.INVALID);
            throw e;
        }
        Outcome outcome = store(slug, signature, remoteAddress);
        count(outcome);
        return switch (outcome) {
            case SIGNED, ALREADY_SIGNED ->
                    SignatureReceipt.received(slug, signature.language(), config.confirmationValidDays());
            case CAMPAIGN_CLOSED -> throw new ProblemException(409, "campaign-closed").in(signature.language());
            default -> throw ProblemException.notFound("campaign-not-found").in(signature.language());
        };
    }

    private Outcome store(String slug, NewSignature s, String remoteAddress) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SIGN)) {
            int i = 0;
            statement.setString(++i, slug);
            statement.setObject(++i, UUID.randomUUID());
            statement.setString(++i, s.firstName());
            statement.setString(++i, s.lastName());
            statement.setString(++i, s.email());
            statement.setString(++i, s.canonicalEmail());
            statement.setString(++i, s.postalCode().value());
            statement.setString(++i, s.postalCode().province());
            setNullable(statement, ++i, s.fedCode());
            statement.setString(++i, s.language().code());
            statement.setBoolean(++i, s.consentUpdates());
            setNullable(statement, ++i, s.personalNote());
            setNullable(statement, ++i, remoteAddress == null ? null : keys.hash("ip", remoteAddress, 22));
            statement.setString(++i, s.canonicalEmail());
            statement.setInt(++i, config.confirmationMailsPerDay());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                String status = rows.getString(1);
                if (status == null) {
                    return Outcome.CAMPAIGN_NOT_FOUND;
                }
                if (!"open".equals(status)) {
                    return Outcome.CAMPAIGN_CLOSED;
                }
                return rows.getLong(2) == 1 ? Outcome.SIGNED : Outcome.ALREADY_SIGNED;
            }
        } catch (SQLException e) {
            // SQL state only: the message may quote the values of the row.
            Log.errorf("Storing a signature failed with SQL state %s", e.getSQLState());
            throw new IllegalStateException("signature not stored");
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private void count(Outcome outcome) {
        registry.counter("constituent.signatures", "outcome", outcome.name().toLowerCase()).increment();
    }

    /**
     * Confirms a pending signature for the holder of its signer key, once. The link expires
     * {@code confirmationValidDays} after the latest confirmation mail was queued; a confirmed signature stays
     * confirmed whatever the age of the link.
     */
    @Transactional
    Confirmation confirm(UUID id, String key) {
        if (id == null || !signerKeys.verify(id, key)) {
            return Confirmation.NOT_FOUND;
        }
        Signature signature = Signature.findById(id);
        if (signature == null) {
            return Confirmation.NOT_FOUND;
        }
        if (signature.isConfirmed()) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        if (!Signature.PENDING.equals(signature.state)) {
            return Confirmation.NOT_FOUND;
        }
        OffsetDateTime lastMail = Signature.getEntityManager()
                .createQuery("select max(m.createdAt) from ConfirmationMail m where m.signatureId = :id",
                        OffsetDateTime.class)
                .setParameter("id", id)
                .getSingleResult();
        if (lastMail == null || lastMail.plusDays(config.confirmationValidDays()).isBefore(OffsetDateTime.now())) {
            return Confirmation.EXPIRED;
        }
        int updated = Signature.update("state = ?1, confirmedAt = ?2 where id = ?3 and state = ?4",
                Signature.CONFIRMED, OffsetDateTime.now(), id, Signature.PENDING);
        if (updated == 1) {
            registry.counter("constituent.signatures.confirmed").increment();
            return Confirmation.CONFIRMED;
        }
        return Confirmation.ALREADY_CONFIRMED;
    }

    /** The language a signature's pages and mails use, English when the signature is unknown. */
    Language languageOf(UUID id) {
        Signature signature = id == null ? null : Signature.findById(id);
        return signature == null ? Language.EN : Language.parse(signature.language).orElse(Language.EN);
    }
}

package ca.constituent.signature;

import ca.constituent.common.Keys;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Signing and confirming: the rules of intake. Signatures are written by {@link SignatureWriter}. */
@ApplicationScoped
public class SignatureService {

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, NOT_FOUND }

    private final SignatureWriter writer;
    private final Keys keys;
    private final SignerKeys signerKeys;
    private final SignatureConfig config;
    private final MeterRegistry registry;

    SignatureService(SignatureWriter writer, Keys keys, SignerKeys signerKeys, SignatureConfig config,
                     MeterRegistry registry) {
        this.writer = writer;
        this.keys = keys;
        this.signerKeys = signerKeys;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Validates a signature, then hands it to the batching writer; the stage completes once it is committed.
     *
     * @param headerLanguage the language of the request headers, used when the body names none
     * @param remoteAddress  the client's address; only its keyed hash is stored
     * @throws ProblemException at once when a field is invalid; nothing is stored then
     */
    public CompletionStage<SignatureReceipt> sign(String slug, SignRequest request, Language headerLanguage,
                                                  String remoteAddress) {
        NewSignature signature;
        try {
            signature = SignatureValidator.validate(request, headerLanguage);
        } catch (ProblemException e) {
            count("invalid");
            throw e;
        }
        String ipHash = remoteAddress == null ? null : keys.hash("ip", remoteAddress, 22);
        Language language = signature.language();
        return writer.submit(slug, signature, ipHash).handle((outcome, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof SignatureWriter.Overloaded) {
                    count("overloaded");
                    throw new ProblemException(503, "overloaded").in(language);
                }
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
            count(outcome.name().toLowerCase(Locale.ROOT));
            return switch (outcome) {
                case SIGNED, ALREADY_SIGNED ->
                        SignatureReceipt.received(slug, language, config.confirmationValidDays());
                case CAMPAIGN_CLOSED -> throw new ProblemException(409, "campaign-closed").in(language);
                case CAMPAIGN_NOT_FOUND -> throw ProblemException.notFound("campaign-not-found").in(language);
            };
        });
    }

    private void count(String outcome) {
        registry.counter("constituent.signatures", "outcome", outcome).increment();
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

package ca.constituent.signature;

import ca.constituent.abuse.AbuseScreen;
import ca.constituent.campaign.Campaign;
import ca.constituent.common.DatabaseFailures;
import ca.constituent.common.Keys;
import ca.constituent.common.Language;
import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Signing and confirming: the rules of intake. Signatures are written by {@link SignatureWriter}. */
@ApplicationScoped
public class SignatureService {

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, NOT_FOUND, CAMPAIGN_CLOSED }

    private final SignatureWriter writer;
    private final AbuseScreen screen;
    private final RidingPlacement placement;
    private final Keys keys;
    private final SignerKeys signerKeys;
    private final RidingChoices choices;
    private final SignatureConfig config;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    SignatureService(SignatureWriter writer, AbuseScreen screen, RidingPlacement placement, Keys keys,
                     SignerKeys signerKeys, RidingChoices choices, SignatureConfig config,
                     MeterRegistry registry) {
        this.writer = writer;
        this.screen = screen;
        this.placement = placement;
        this.keys = keys;
        this.signerKeys = signerKeys;
        this.choices = choices;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Validates a signature, then hands it to the batching writer; the stage completes once it is committed.
     *
     * @param headerLanguage the language of the request headers, used when the body names none
     * @param client         the client's address (only its keyed hash is stored), honeypot and proof of work
     * @throws ProblemException at once when a field is invalid or proof of work is missing; nothing is stored then
     */
    public CompletionStage<SignatureReceipt> sign(String slug, SignRequest request, Language headerLanguage,
                                                  AbuseScreen.Client client) {
        NewSignature signature;
        AbuseScreen.Screening screening;
        try {
            signature = SignatureValidator.validate(request, headerLanguage);
        } catch (ProblemException e) {
            count("invalid");
            throw e;
        }
        try {
            screening = screen.screen(client, signature.email());
        } catch (ProblemException e) {
            count("invalid");
            throw e.in(signature.language());
        }
        Language language = signature.language();
        if (!Campaign.isSlug(slug)) {
            count("campaign_not_found");
            throw ProblemException.notFound("campaign-not-found").in(language);
        }
        String ipHash = client.address() == null ? null : keys.hash("ip", client.address(), 22);
        String mailbox = keys.hash("mailbox", CanonicalEmail.mailbox(signature.email()), 22);
        return placement.place(signature)
                .thenCompose(placed -> writer.submit(slug, placed, ipHash, mailbox, screening))
                .handle((outcome, failure) -> answer(slug, language, outcome, failure));
    }

    /** The receipt for a stored signature, or the problem that stopped it. */
    private SignatureReceipt answer(String slug, Language language, SignatureWriter.Outcome outcome,
                                    Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ProblemException problem) {
                count("invalid");
                throw problem;
            }
            if (cause instanceof SignatureWriter.Overloaded) {
                count("overloaded");
                throw new ProblemException(503, "overloaded").in(language);
            }
            if (DatabaseFailures.isUnavailable(cause)) {
                count("unavailable");
                throw ProblemMapper.unavailable().in(language);
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
        // One outcome for new and repeated addresses alike: a metric must not tell who signed.
        count(outcome == SignatureWriter.Outcome.SIGNED || outcome == SignatureWriter.Outcome.ALREADY_SIGNED
                ? "received" : outcome.name().toLowerCase(Locale.ROOT));
        return switch (outcome) {
            case SIGNED, ALREADY_SIGNED ->
                    SignatureReceipt.received(slug, language, config.confirmationValidDays());
            case CAMPAIGN_CLOSED -> throw new ProblemException(409, "campaign-closed").in(language);
            case CAMPAIGN_NOT_FOUND -> throw ProblemException.notFound("campaign-not-found").in(language);
        };
    }

    private void count(String outcome) {
        counters.computeIfAbsent(outcome, o -> registry.counter("constituent.signatures", "outcome", o)).increment();
    }

    /**
     * Confirms a pending signature for the holder of its signer key, once. The link expires
     * {@code confirmationValidDays} after the latest confirmation mail was queued; a confirmed signature stays
     * confirmed whatever the age of the link.
     *
     * @param corrections the details as the mailbox owner left them on the confirmation page, stored with the
     *                    confirmation; null keeps the details as signed (the API, or a page without the fields)
     */
    @Transactional
    Confirmation confirm(UUID id, String key, Corrections corrections) {
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
        if (!Campaign.<Campaign>findById(signature.campaignId).acceptsSignatures()) {
            return Confirmation.CAMPAIGN_CLOSED;
        }
        OffsetDateTime lastMail = Signature.getEntityManager()
                .createQuery("select max(m.createdAt) from ConfirmationMail m where m.signatureId = :id",
                        OffsetDateTime.class)
                .setParameter("id", id)
                .getSingleResult();
        if (lastMail == null || lastMail.plusDays(config.confirmationValidDays()).isBefore(OffsetDateTime.now())) {
            return Confirmation.EXPIRED;
        }
        int updated = corrections == null
                ? Signature.update("state = ?1, confirmedAt = ?2 where id = ?3 and state = ?4",
                        Signature.CONFIRMED, OffsetDateTime.now(), id, Signature.PENDING)
                : Signature.update("state = ?1, confirmedAt = ?2, firstName = ?3, lastName = ?4, personalNote = ?5,"
                                + " consentUpdates = ?6 where id = ?7 and state = ?8",
                        Signature.CONFIRMED, OffsetDateTime.now(), corrections.firstName(), corrections.lastName(),
                        corrections.personalNote(), corrections.consentUpdates(), id, Signature.PENDING);
        if (updated == 1) {
            registry.counter("constituent.signatures.confirmed").increment();
            return Confirmation.CONFIRMED;
        }
        return Confirmation.ALREADY_CONFIRMED;
    }

    /**
     * Lets a signer whose postal code spans several ridings say which one is theirs, once: only a signature with
     * no riding yet, and only one of its postal code's candidates. When the service only guessed the riding from the
     * FSA, the signer may correct it once, with any riding of the postal code's province.
     *
     * @throws ProblemException 404 for a wrong key, 400 ({@code fedCode}) for a riding that is not a candidate,
     *                          409 {@code riding-already-known} when the signature has another riding
     */
    @Transactional
    public void chooseRiding(UUID id, String key, String fedCode) {
        Signature signature = authorised(id, key);
        Language language = Language.parse(signature.language).orElse(Language.EN);
        if (fedCode != null && fedCode.equals(signature.fedCode)) {
            return;
        }
        RidingChoices.Options options = choices.of(signature.postalCode);
        if (signature.fedCode != null && !(options.isGuess(signature.fedCode) && options.allows(fedCode))) {
            throw ProblemException.conflict("riding-already-known").in(language);
        }
        if (!options.allows(fedCode)) {
            throw ProblemException.invalid(List.of(new ProblemException.Invalid("fedCode", "field.fedCode.invalid")),
                    language);
        }
        Signature.update("fedCode = ?1 where id = ?2", fedCode, id);
    }

    /**
     * The signature the signer key opens: the holder of the key from the confirmation link acts for it.
     *
     * @throws ProblemException 404 for a wrong key, an unknown id, or a signature set aside as fraudulent or
     *                          invalidated; the answers are the same, so whether an id exists stays unsaid
     */
    public Signature authorised(UUID id, String key) {
        if (id == null || !signerKeys.verify(id, key)) {
            throw ProblemException.notFound("signature-not-found");
        }
        Signature signature = Signature.findById(id);
        if (signature == null || Signature.FRAUDULENT.equals(signature.state)
                || Signature.INVALIDATED.equals(signature.state) || Signature.HELD.equals(signature.state)) {
            throw ProblemException.notFound("signature-not-found");
        }
        return signature;
    }
}

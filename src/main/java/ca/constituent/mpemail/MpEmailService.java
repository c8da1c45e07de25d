package ca.constituent.mpemail;

import ca.constituent.common.Language;
import ca.constituent.common.Fields;
import ca.constituent.common.ProblemException;
import ca.constituent.riding.Mp;
import ca.constituent.riding.PostalCode;
import ca.constituent.riding.RidingLookup;
import ca.constituent.signature.Signature;
import ca.constituent.signature.SignatureService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A signer's letter to their MP: its preview and status, and queueing it once ({@link LetterDrafts} drafts it). */
@ApplicationScoped
public class MpEmailService {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;

    private final SignatureService signatures;
    private final RidingLookup ridings;
    private final LetterDrafts drafts;
    private final EntityManager em;
    private final MeterRegistry registry;

    MpEmailService(SignatureService signatures, RidingLookup ridings, LetterDrafts drafts, EntityManager em,
                   MeterRegistry registry) {
        this.signatures = signatures;
        this.ridings = ridings;
        this.drafts = drafts;
        this.em = em;
        this.registry = registry;
    }

    /**
     * The signer's letter: the queued one with its status, or else a fresh draft.
     *
     * @throws ProblemException 404 unless the key is the signature's own (whether the id exists stays unsaid)
     */
    @Transactional
    public MpEmailView preview(UUID id, String key) {
        Signature signature = signatures.authorised(id, key);
        Optional<MpEmail> queued = MpEmail.findBySignature(id);
        if (queued.isPresent()) {
            return view(queued.get());
        }
        LetterDrafts.Draft draft = drafts.draft(signature);
        Mp mp = draft.mp();
        boolean addressable = mp != null && mp.email() != null;
        return new MpEmailView(addressable ? new MpEmailView.Recipient(mp.name(), mp.email()) : null,
                draft.letter().subject(), draft.letter().body(), draft.letter().language().code(),
                addressable ? Mailto.of(mp.email(), draft.letter().subject(), draft.letter().body()) : null,
                "draft", draft.blockedBy(),
                "riding-unknown".equals(draft.blockedBy()) ? ridingChoices(signature, draft.letter().language())
                        : null);
    }

    /** The ridings a signer without one may choose from: their postal code's candidates. */
    private List<MpEmailView.RidingChoice> ridingChoices(Signature signature, Language language) {
        try {
            return ridings.lookUp(PostalCode.parse(signature.postalCode).orElseThrow()).candidates().stream()
                    .map(c -> new MpEmailView.RidingChoice(c.fedCode(),
                            language == Language.FR ? c.nameFr() : c.nameEn(),
                            c.mp() == null ? null : c.mp().name()))
                    .toList();
        } catch (ProblemException unknownPostalCode) {
            return List.of();
        }
    }

    /**
     * Queues the signer's letter, with their edits, unless one is queued already: at most one letter per
     * signature, whatever the number of requests.
     *
     * @throws ProblemException 404 for a wrong key, 409 when the letter cannot be sent (not confirmed, riding
     *                          unknown, seat vacant, MP without a known address), 400 for invalid edits
     */
    @Transactional
    public MpEmailView send(UUID id, String key, MpEmailRequests.Send edits) {
        Signature signature = signatures.authorised(id, key);
        Optional<MpEmail> existing = MpEmail.findBySignature(id);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        LetterDrafts.Draft draft = drafts.draft(signature);
        Language language = draft.letter().language();
        if (!draft.campaign().acceptsSignatures()) {
            throw draft.campaign().refusal().in(language);
        }
        if (draft.blockedBy() != null) {
            throw ProblemException.conflict(draft.blockedBy()).in(language);
        }
        String subject = draft.letter().subject();
        String body = draft.letter().body();
        boolean copy = false;
        if (edits != null) {
            Fields fields = new Fields();
            if (edits.subject() != null) {
                subject = fields.line(edits.subject(), "subject", MAX_SUBJECT, "field.subject.invalid");
            }
            if (edits.body() != null) {
                body = fields.lines(edits.body(), "body", MAX_BODY, "field.body.invalid");
            }
            fields.check(language);
            copy = Boolean.TRUE.equals(edits.copyToSigner());
        }
        queue(signature, draft, subject, body, copy);
        registry.counter("constituent.mp_emails.queued").increment();
        return view(MpEmail.findBySignature(id).orElseThrow());
    }

    /** The outbox row of this letter (a second request for the same signature changes nothing). */
    private void queue(Signature signature, LetterDrafts.Draft draft, String subject, String body, boolean copy) {
        Mp mp = draft.mp();
        // Addressed to the MP the database holds now (this instance's memory may lag behind an organiser's change
        // made on another one); a name drafted for a former MP is replaced.
        int queued = em.createNativeQuery("""
                        INSERT INTO mp_email (signature_id, campaign_id, fed_code, language, to_name, to_email,
                                              from_name, reply_to, copy_to_signer, subject, body, mp_term_id)
                        SELECT ?1, ?2, ?3, ?4, m.name, m.email, ?6, ?7, ?8, left(replace(?9, ?5, m.name), 200),
                               replace(?10, ?5, m.name), t.id
                        FROM member_of_parliament m
                        JOIN mp_term t ON t.fed_code = m.fed_code AND t.effective_to IS NULL
                        WHERE m.fed_code = ?3 AND m.email IS NOT NULL
                        ON CONFLICT (signature_id) DO NOTHING
                        """)
                .setParameter(1, signature.id)
                .setParameter(2, signature.campaignId)
                .setParameter(3, signature.fedCode)
                .setParameter(4, draft.letter().language().code())
                .setParameter(5, mp.name())
                .setParameter(6, signature.firstName + " " + signature.lastName + " via " + draft.campaign().senderName)
                .setParameter(7, signature.email)
                .setParameter(8, copy)
                .setParameter(9, subject)
                .setParameter(10, body)
                .executeUpdate();
        if (queued == 0 && MpEmail.findBySignature(signature.id).isEmpty()) {
            throw ProblemException.conflict("mp-changed").in(draft.letter().language());
        }
    }

    static MpEmailView view(MpEmail email) {
        return new MpEmailView(new MpEmailView.Recipient(email.toName, email.toEmail), email.subject, email.body,
                email.language, Mailto.of(email.toEmail, email.subject, email.body), email.status, email.heldReason,
                null);
    }
}

package ca.constituent.mpemail;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Language;
import ca.constituent.common.Fields;
import ca.constituent.common.ProblemException;
import ca.constituent.riding.LookupResult;
import ca.constituent.riding.Mp;
import ca.constituent.riding.PostalCode;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import ca.constituent.signature.Signature;
import ca.constituent.signature.SignatureService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Drafting a signer's letter to their MP, and queueing it once. */
@ApplicationScoped
public class MpEmailService {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;

    private final SignatureService signatures;
    private final RidingLookup ridings;
    private final LetterTemplates templates;
    private final LetterWriter writer;
    private final EntityManager em;
    private final MeterRegistry registry;

    MpEmailService(SignatureService signatures, RidingLookup ridings, LetterTemplates templates, Engine engine,
                   EntityManager em, MeterRegistry registry) {
        this.signatures = signatures;
        this.ridings = ridings;
        this.templates = templates;
        this.writer = new LetterWriter(engine);
        this.em = em;
        this.registry = registry;
    }

    /** A letter drafted for a signature, with whatever stands in the way of sending it. */
    record Draft(Signature signature, Campaign campaign, Optional<RidingView> riding, Letter letter,
                 String blockedBy) {
        Mp mp() {
            return riding.map(RidingView::mp).orElse(null);
        }
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
        Draft draft = draft(signature);
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
        Draft draft = draft(signature);
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
    private void queue(Signature signature, Draft draft, String subject, String body, boolean copy) {
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

    Draft draft(Signature signature) {
        Campaign campaign = Campaign.findById(signature.campaignId);
        Language language = Language.parse(signature.language).orElse(Language.EN);
        Optional<RidingView> riding = ridings.riding(signature.fedCode);
        String blockedBy = !signature.isConfirmed() ? "not-confirmed"
                : riding.isEmpty() ? "riding-unknown"
                : riding.get().mp() == null ? "seat-vacant"
                : riding.get().mp().email() == null ? "mp-email-unknown"
                : null;
        Letter letter = write(campaign, language,
                new LetterData.Signer(signature.firstName, signature.lastName, signature.postalCode,
                        signature.personalNote),
                riding);
        return new Draft(signature, campaign, riding, letter, blockedBy);
    }

    /** Renders the campaign's letter for a signer and riding; the riding may be unknown (a preview). */
    Letter write(Campaign campaign, Language language, LetterData.Signer signer, Optional<RidingView> riding) {
        LetterWriter.TemplateText template = templates.find(campaign.id, language)
                .or(() -> templates.find(campaign.id, language == Language.FR ? Language.EN : Language.FR))
                .orElseThrow(() -> ProblemException.notFound("letter-not-found").in(language));
        return draftWith(writer, template, campaign, language, signer, riding);
    }

    /** Renders {@code template} for a signer and riding (unknown riding: placeholders, as in a preview). */
    static Letter draftWith(LetterWriter writer, LetterWriter.TemplateText template, Campaign campaign,
                            Language language, LetterData.Signer signer, Optional<RidingView> riding) {
        boolean fr = language == Language.FR;
        LetterData.Riding ridingData = riding
                .map(r -> new LetterData.Riding(r.fedCode(), fr ? r.nameFr() : r.nameEn()))
                .orElse(new LetterData.Riding(null, fr ? "[circonscription]" : "[riding]"));
        Mp mp = riding.map(RidingView::mp).orElse(null);
        LetterData.Mp mpData = mp != null ? new LetterData.Mp(mp.name(), mp.party())
                : new LetterData.Mp(fr ? "[votre député·e]" : "[your MP]", null);
        LetterData.Campaign campaignData = new LetterData.Campaign(fr ? campaign.titleFr : campaign.titleEn,
                campaign.asks.stream().map(a -> fr ? a.textFr : a.textEn).toList());
        // The subject depends on who writes, so the form's preview and the letter itself agree.
        long seed = Objects.hash(signer.firstName(), signer.lastName(), signer.postalCode());
        return writer.draft(template, language, seed, signer, ridingData, mpData, campaignData);
    }

    static MpEmailView view(MpEmail email) {
        return new MpEmailView(new MpEmailView.Recipient(email.toName, email.toEmail), email.subject, email.body,
                email.language, Mailto.of(email.toEmail, email.subject, email.body), email.status, email.heldReason,
                null);
    }

    /**
     * Drafts the letter from the form's fields before anything is stored, so the form can show it while the signer
     * types. Missing names show as placeholders; the riding is the signer's choice when it is one of the postal
     * code's candidates, else the postal code's only candidate, else unknown.
     */
    @Transactional
    public MpEmailView previewUnsigned(String slug, MpEmailRequests.Preview form, Language headerLanguage) {
        MpEmailRequests.Preview f = form == null ? new MpEmailRequests.Preview(null, null, null, null, null, null)
                : form;
        Fields fields = new Fields();
        Language asked = fields.parsed(f.language(), "language", Language::parse, null);
        fields.check(headerLanguage);
        Language language = asked != null ? asked : headerLanguage;
        Campaign campaign = Campaign.findBySlug(slug)
                .filter(c -> !Campaign.DRAFT.equals(c.status))
                .orElseThrow(() -> ProblemException.notFound("campaign-not-found").in(language));
        boolean fr = language == Language.FR;
        String firstName = fields.line(f.firstName(), "firstName", Fields.MAX_NAME, null);
        String lastName = fields.line(f.lastName(), "lastName", Fields.MAX_NAME, null);
        String note = fields.lines(f.personalNote(), "personalNote", Fields.MAX_NOTE, null);
        fields.check(language);
        Optional<PostalCode> postalCode = PostalCode.parse(f.postalCode());
        Optional<RidingView> riding = postalCode.flatMap(p -> ridingOf(p, f.fedCode()));
        Letter letter = write(campaign, language,
                new LetterData.Signer(firstName != null ? firstName : fr ? "[Prénom]" : "[First name]",
                        lastName != null ? lastName : fr ? "[Nom]" : "[Last name]",
                        postalCode.map(PostalCode::value).orElse(fr ? "[Code postal]" : "[Postal code]"), note),
                riding);
        Mp mp = riding.map(RidingView::mp).orElse(null);
        boolean addressable = mp != null && mp.email() != null;
        String blockedBy = riding.isEmpty() ? "riding-unknown" : mp == null ? "seat-vacant"
                : mp.email() == null ? "mp-email-unknown" : null;
        return new MpEmailView(addressable ? new MpEmailView.Recipient(mp.name(), mp.email()) : null,
                letter.subject(), letter.body(), language.code(),
                addressable ? Mailto.of(mp.email(), letter.subject(), letter.body()) : null, "draft", blockedBy, null);
    }

    private Optional<RidingView> ridingOf(PostalCode postalCode, String chosen) {
        LookupResult result;
        try {
            result = ridings.lookUp(postalCode);
        } catch (ProblemException unknownPostalCode) {
            return Optional.empty();
        }
        Optional<String> fedCode = result.candidates().stream()
                .map(c -> c.fedCode())
                .filter(code -> code.equals(chosen))
                .findFirst();
        if (fedCode.isEmpty() && !result.ambiguous() && !result.candidates().isEmpty()) {
            fedCode = Optional.of(result.candidates().get(0).fedCode());
        }
        return fedCode.flatMap(ridings::riding);
    }
}

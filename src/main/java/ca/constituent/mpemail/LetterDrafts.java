package ca.constituent.mpemail;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Fields;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.PartyNames;
import ca.constituent.common.ProblemException;
import ca.constituent.riding.LookupResult;
import ca.constituent.riding.Mp;
import ca.constituent.riding.PostalCode;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import ca.constituent.signature.Signature;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;

/**
 * Drafting a letter from the campaign's template: for a signature (to preview or queue it), and from the form's
 * fields before anything is stored.
 */
@ApplicationScoped
class LetterDrafts {

    private final RidingLookup ridings;
    private final LetterTemplates templates;
    private final LetterWriter writer;

    LetterDrafts(RidingLookup ridings, LetterTemplates templates, Engine engine) {
        this.ridings = ridings;
        this.templates = templates;
        this.writer = new LetterWriter(engine);
    }

    /** A letter drafted for a signature, with whatever stands in the way of sending it. */
    record Draft(Signature signature, Campaign campaign, Optional<RidingView> riding, Letter letter,
                 String blockedBy) {
        Mp mp() {
            return riding.map(RidingView::mp).orElse(null);
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
                .orElse(new LetterData.Riding(null, Messages.get(language, "letter.placeholder.riding")));
        Mp mp = riding.map(RidingView::mp).orElse(null);
        LetterData.Mp mpData = mp != null ? new LetterData.Mp(mp.name(), PartyNames.in(language, mp.party()))
                : new LetterData.Mp(Messages.get(language, "letter.placeholder.mp"), null);
        LetterData.Campaign campaignData = new LetterData.Campaign(fr ? campaign.titleFr : campaign.titleEn,
                campaign.asks.stream().map(a -> fr ? a.textFr : a.textEn).toList());
        // The subject depends on who writes, so the form's preview and the letter itself agree.
        long seed = Objects.hash(signer.firstName(), signer.lastName(), signer.postalCode());
        return writer.draft(template, language, seed, signer, ridingData, mpData, campaignData);
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
        String firstName = fields.line(f.firstName(), "firstName", Fields.MAX_NAME, null);
        String lastName = fields.line(f.lastName(), "lastName", Fields.MAX_NAME, null);
        String note = fields.lines(f.personalNote(), "personalNote", Fields.MAX_NOTE, null);
        fields.check(language);
        Optional<PostalCode> postalCode = PostalCode.parse(f.postalCode());
        Optional<RidingView> riding = postalCode.flatMap(p -> ridingOf(p, f.fedCode()));
        Letter letter = write(campaign, language,
                new LetterData.Signer(orPlaceholder(firstName, language, "first-name"),
                        orPlaceholder(lastName, language, "last-name"),
                        orPlaceholder(postalCode.map(PostalCode::value).orElse(null), language, "postal-code"), note),
                riding);
        Mp mp = riding.map(RidingView::mp).orElse(null);
        boolean addressable = mp != null && mp.email() != null;
        String blockedBy = riding.isEmpty() ? "riding-unknown" : mp == null ? "seat-vacant"
                : mp.email() == null ? "mp-email-unknown" : null;
        return new MpEmailView(addressable ? new MpEmailView.Recipient(mp.name(), mp.email()) : null,
                letter.subject(), letter.body(), language.code(),
                addressable ? Mailto.of(mp.email(), letter.subject(), letter.body()) : null, "draft", blockedBy, null);
    }

    /** {@code value}, or the letter's stand-in for what the signer has not given yet. */
    private static String orPlaceholder(String value, Language language, String name) {
        return value != null ? value : Messages.get(language, "letter.placeholder." + name);
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

package ca.constituent.mpemail;

import ca.constituent.campaign.Campaign;
import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.ProblemException;
import ca.constituent.riding.RidingLookup;
import ca.constituent.riding.RidingView;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisers' edits of a campaign's letter: a template is saved only once it renders (Qute, strict: bad syntax or an
 * unknown placeholder is refused with Qute's message), and the letter cache is emptied so the next letter uses it.
 */
@ApplicationScoped
public class LetterTemplateEditor {

    /** "… in expression {mp.nickname}" at the end of a Qute rendering error. */
    private static final Pattern FAILED_EXPRESSION = Pattern.compile("in expression (\\{[^}]{1,200}\\})");

    /** The placeholders a letter may use, listed beside the editor. */
    public static final List<String> PLACEHOLDERS = List.of("signer.firstName", "signer.lastName",
            "signer.fullName", "signer.postalCode", "signer.personalNote", "riding.name", "riding.fedCode",
            "mp.name", "mp.party", "campaign.title", "campaign.asks");

    /** A template in one language as an organiser edits it, and a letter drafted from it. */
    public record Text(String subjects, String body) {
    }

    private final Engine engine;
    private final LetterTemplates templates;
    private final RidingLookup ridings;
    private final EntityManager em;

    LetterTemplateEditor(Engine engine, LetterTemplates templates, RidingLookup ridings, EntityManager em) {
        this.engine = engine;
        this.templates = templates;
        this.ridings = ridings;
        this.em = em;
    }

    /** The saved template, if any. */
    public Optional<Text> find(Campaign campaign, Language language) {
        return templates.find(campaign.id, language).map(t -> new Text(t.subjects(), t.body()));
    }

    /**
     * The letter a sample signer in {@code fedCode} (none: placeholders) would get; nothing is stored.
     *
     * @throws ProblemException 400 {@code invalid-letter-template} naming the field and Qute's error
     */
    public Text preview(Campaign campaign, Language language, Text text, String fedCode) {
        LetterWriter.TemplateText template = checked(text);
        Optional<RidingView> riding = fedCode == null ? Optional.empty() : ridings.riding(fedCode);
        boolean fr = language == Language.FR;
        String postalCode = riding.flatMap(r -> ridings.samplePostalCode(r.fedCode())).orElse("K1A 0A6");
        Letter letter = draft(campaign, language, template, new LetterData.Signer(fr ? "Marie" : "Alex",
                fr ? "Tremblay" : "Smith", postalCode, null), riding);
        return new Text(letter.subject(), letter.body());
    }

    /**
     * Saves the template once it renders, and forgets cached ones.
     *
     * @throws ProblemException 400 {@code invalid-letter-template}; nothing is saved then
     */
    @Transactional
    public void save(Campaign campaign, Language language, Text text) {
        LetterWriter.TemplateText template = checked(text);
        // Rendered with and without a personal note, an MP and a riding, so no branch hides an unknown placeholder.
        for (boolean full : new boolean[] {true, false}) {
            draft(campaign, language, template, new LetterData.Signer("Alex", "Smith", "K1A 0A6",
                    full ? "A note." : null), full ? ridings.ridings().stream().findFirst() : Optional.empty());
        }
        em.createNativeQuery("""
                        INSERT INTO letter_template (campaign_id, language, subjects, body) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (campaign_id, language)
                        DO UPDATE SET subjects = excluded.subjects, body = excluded.body, updated_at = now()
                        """)
                .setParameter(1, campaign.id).setParameter(2, language.code())
                .setParameter(3, template.subjects()).setParameter(4, template.body()).executeUpdate();
        templates.invalidate();
    }

    /** The subject lines and body cleaned and parsed; the subject lines are plain text. */
    private LetterWriter.TemplateText checked(Text text) {
        String subjects = text == null || text.subjects() == null ? "" : text.subjects().replace("\r\n", "\n");
        String body = text == null || text.body() == null ? "" : text.body().replace("\r\n", "\n");
        LetterWriter.TemplateText template = new LetterWriter.TemplateText(subjects, body);
        List<String> lines = template.subjectLines();
        if (lines.isEmpty() || subjects.length() > 4000
                || lines.stream().anyMatch(l -> l.length() > MpEmailService.MAX_SUBJECT)) {
            throw invalid("subjects", "letter-template.subjects", "");
        }
        if (body.isBlank() || body.length() > 20_000) {
            throw invalid("body", "letter-template.body", "");
        }
        try {
            engine.parse(body, Variant.forContentType(Variant.TEXT_PLAIN));
        } catch (TemplateException e) {
            throw invalid("body", "letter-template.syntax", atLine(e, body));
        }
        return template;
    }

    private Letter draft(Campaign campaign, Language language, LetterWriter.TemplateText template,
                         LetterData.Signer signer, Optional<RidingView> riding) {
        try {
            return LetterDrafts.draftWith(new LetterWriter(engine), template, campaign, language, signer, riding);
        } catch (TemplateException e) {
            throw invalid("body", "letter-template.render", reason(e));
        }
    }

    /**
     * An error that names the expression it failed on (any rendering error, some syntax errors) is cut to that
     * expression, which is what an organiser can act on; Qute's own sentence (in English, with the name of a Java
     * class) is left out. Other errors keep Qute's text, which gives the line, without a class name.
     */
    static String reason(TemplateException e) {
        String message = e.getMessage().replaceAll("\\s+", " ");
        Matcher expression = FAILED_EXPRESSION.matcher(message);
        return expression.find() ? expression.group(1) : message.replaceAll(" on the base object \"[^\"]*\"", "");
    }

    /**
     * A syntax error, told in the organiser's language: the line Qute stopped at and that line of the template (Qute's
     * own sentence is English). Without a line, the reason as above.
     */
    static Object atLine(TemplateException e, String body) {
        int line = e.getOrigin() == null ? 0 : e.getOrigin().getLine();
        String[] lines = body.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return reason(e);
        }
        String text = lines[line - 1].strip();
        return new Messages.Text("letter-template.at-line",
                Map.of("line", line, "text", text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }

    private static ProblemException invalid(String field, String key, Object reason) {
        Object shown = reason instanceof String text && text.length() > 300 ? text.substring(0, 300) : reason;
        return new ProblemException(400, "invalid-letter-template", Map.of("reason", shown),
                List.of(new ProblemException.Invalid(field, key)), null);
    }
}

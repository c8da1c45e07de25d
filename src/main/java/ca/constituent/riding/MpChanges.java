package ca.constituent.riding;

import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to the sitting MPs made by organisers: an uploaded list, staged with its diff and applied on confirmation,
 * or one riding edited. Runs in the caller's transaction; {@link MpChanged} lets letters follow before it commits,
 * and every instance reloads its riding data when the {@code mps} version changes.
 */
@ApplicationScoped
public class MpChanges {

    /** A validated upload waiting for confirmation, with what applying it now would change. */
    public record Staged(UUID id, String fileName, MpDiff diff, boolean stale, boolean applied) {
    }

    /** One MP record of a riding and when it was in force ({@code to} null: now). */
    @io.quarkus.qute.TemplateData
    public record Term(String name, String party, String email, Instant from, Instant to, String source) {
    }

    private final EntityManager em;
    private final Event<MpChanged> changed;

    MpChanges(EntityManager em, Event<MpChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    /**
     * Checks an MP list completely and stores it until it is applied; nothing else changes.
     *
     * @throws ProblemException 400 {@code invalid-mp-list} with every wrong line
     */
    @Transactional
    public Staged stage(String fileName, byte[] csv, Long adminUserId) {
        Map<String, RidingView> now = current();
        MpDiff diff = MpDiff.between(now, MpList.read(csv, now.keySet()).seats());
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO riding_upload (id, kind, file_name, content, based_on, created_by)
                        VALUES (?1, 'mps', ?2, ?3, ?4, ?5)
                        """)
                .setParameter(1, id).setParameter(2, fileName).setParameter(3, csv).setParameter(4, version())
                .setParameter(5, adminUserId).executeUpdate();
        return new Staged(id, fileName, diff, false, false);
    }

    /** A staged upload and its diff against the MPs as they are now. */
    @Transactional
    public Staged staged(UUID id) {
        Object[] row = upload(id);
        Map<String, RidingView> now = current();
        MpDiff diff = MpDiff.between(now, MpList.read((byte[]) row[1], now.keySet()).seats());
        return new Staged(id, (String) row[0], diff, !version().equals(row[2]), row[3] != null);
    }

    /**
     * Applies a staged upload, once, if the MPs have not changed since it was compared with them.
     *
     * @throws ProblemException 404 {@code upload-not-found}, 409 {@code upload-applied} or {@code upload-stale}
     */
    @Transactional
    public MpDiff apply(UUID id) {
        lock();
        Object[] row = upload(id);
        if (row[3] != null) {
            throw ProblemException.conflict("upload-applied");
        }
        if (!version().equals(row[2])) {
            throw ProblemException.conflict("upload-stale");
        }
        Map<String, RidingView> now = current();
        MpList list = MpList.read((byte[]) row[1], now.keySet());
        MpDiff diff = MpDiff.between(now, list.seats());
        List<MpChanged.Seat> seats = new ArrayList<>();
        for (MpDiff.Change change : diff.changes()) {
            seats.add(write(change.fedCode(), change.before(), change.after(), list.seats().get(change.fedCode())
                    .source()));
        }
        em.createNativeQuery("UPDATE riding_upload SET applied_at = now() WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
        bump("upload " + row[0]);
        changed.fire(new MpChanged(seats));
        return diff;
    }

    /**
     * Changes one riding's MP: a vacancy ({@code after} null), a new address, party or MP.
     *
     * @return what changed; null when {@code after} is what the riding has already
     * @throws ProblemException 404 {@code riding-not-found}
     */
    @Transactional
    public MpDiff.Change edit(String fedCode, Mp after) {
        lock();
        RidingView riding = current().get(fedCode);
        if (riding == null) {
            throw ProblemException.notFound("riding-not-found");
        }
        String kind = MpDiff.kind(riding.mp(), after);
        if (kind == null) {
            return null;
        }
        MpChanged.Seat seat = write(fedCode, riding.mp(), after, "organiser");
        bump("edit " + fedCode);
        changed.fire(new MpChanged(List.of(seat)));
        return new MpDiff.Change(fedCode, riding.nameEn(), riding.nameFr(), kind, riding.mp(), after);
    }

    /** Every term of a riding's seat, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Term> history(String fedCode) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT name, party, email, effective_from, effective_to, source FROM mp_term
                WHERE fed_code = ?1 ORDER BY effective_from DESC, id DESC
                """).setParameter(1, fedCode).getResultList();
        return rows.stream().map(r -> new Term((String) r[0], (String) r[1], (String) r[2], instant(r[3]),
                instant(r[4]), (String) r[5])).toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i
                : value instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private MpChanged.Seat write(String fedCode, Mp before, Mp after, String source) {
        if (after == null) {
            em.createNativeQuery("DELETE FROM member_of_parliament WHERE fed_code = ?1").setParameter(1, fedCode)
                    .executeUpdate();
            return new MpChanged.Seat(fedCode, before, null, null);
        }
        em.createNativeQuery("""
                        INSERT INTO member_of_parliament (fed_code, name, party, email, photo_url, source)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (fed_code) DO UPDATE SET name = excluded.name, party = excluded.party,
                            email = excluded.email, photo_url = excluded.photo_url, source = excluded.source,
                            needs_verification = false, note = NULL
                        """)
                .setParameter(1, fedCode).setParameter(2, after.name()).setParameter(3, after.party())
                .setParameter(4, after.email()).setParameter(5, after.photoUrl()).setParameter(6, source)
                .executeUpdate();
        Number term = (Number) em.createNativeQuery(
                        "SELECT id FROM mp_term WHERE fed_code = ?1 AND effective_to IS NULL")
                .setParameter(1, fedCode).getSingleResult();
        return new MpChanged.Seat(fedCode, before, after, term.longValue());
    }

    /** The ridings with their MPs as the database holds them now (memory may lag behind another instance). */
    private Map<String, RidingView> current() {
        Map<String, MemberOfParliament> mps = new LinkedHashMap<>();
        MemberOfParliament.<MemberOfParliament>streamAll().forEach(mp -> mps.put(mp.fedCode, mp));
        Map<String, RidingView> ridings = new LinkedHashMap<>();
        Riding.listByFedCode().forEach(r -> ridings.put(r.fedCode, RidingView.from(r, mps.get(r.fedCode))));
        return ridings;
    }

    private Object[] upload(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT file_name, content, based_on, applied_at FROM riding_upload WHERE id = ?1 AND kind = 'mps'
                """).setParameter(1, id).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> ProblemException.notFound("upload-not-found"));
    }

    /** The version the MPs are at: the riding dataset's and the latest organiser change's. */
    private String version() {
        Object version = em.createNativeQuery("""
                SELECT coalesce(max(version) FILTER (WHERE kind = 'ridings'), 'none') || '/'
                       || coalesce(max(version) FILTER (WHERE kind = 'mps'), 'none')
                FROM riding_dataset
                """).getSingleResult();
        return (String) version;
    }

    /** A new {@code mps} version, which every instance notices and reloads its riding data for. */
    private void bump(String source) {
        String version = "mps-" + UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO riding_dataset (kind, version, sha256, row_count, source, loaded_at)
                        VALUES ('mps', ?1, ?2, (SELECT count(*) FROM member_of_parliament), ?3, now())
                        ON CONFLICT (kind) DO UPDATE SET version = excluded.version, sha256 = excluded.sha256,
                            row_count = excluded.row_count, source = excluded.source, loaded_at = excluded.loaded_at
                        """)
                .setParameter(1, version).setParameter(2, sha256(version)).setParameter(3, source).executeUpdate();
    }

    /** Serialises MP changes with each other and with dataset loads, across instances. */
    private void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('riding_dataset'))").getSingleResult();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ca.constituent.abuse;

import ca.constituent.common.ProblemException;
import ca.constituent.common.ProblemException.Invalid;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Block and allow lists, from configuration and from the {@code abuse_rule} table. Checks read an in-memory snapshot,
 * so screening a signature costs no database round-trip; the snapshot is reloaded after every change here and every
 * few seconds, so an edit on one replica reaches the others.
 */
@ApplicationScoped
public class AbuseLists {

    /** What the lists say about a signer. */
    public enum Verdict { BLOCKED, ALLOWED, NEUTRAL }

    private static final Set<String> LISTS = Set.of(AbuseRule.BLOCK, AbuseRule.ALLOW);
    private static final Set<String> KINDS = Set.of(AbuseRule.CIDR, AbuseRule.DOMAIN, AbuseRule.ADDRESS);

    private final EntityManager em;
    private final List<AbuseRule> configured;
    private volatile RuleSet snapshot;

    AbuseLists(EntityManager em, AbuseConfig config) {
        this.em = em;
        List<AbuseRule> rules = new ArrayList<>();
        configured(rules, AbuseRule.BLOCK, config.block());
        configured(rules, AbuseRule.ALLOW, config.allow());
        this.configured = List.copyOf(rules);
        this.snapshot = new RuleSet(configured);
    }

    private static void configured(List<AbuseRule> into, String list, AbuseConfig.Rules rules) {
        add(into, list, AbuseRule.CIDR, rules.cidrs());
        add(into, list, AbuseRule.DOMAIN, rules.domains());
        add(into, list, AbuseRule.ADDRESS, rules.addresses());
    }

    private static void add(List<AbuseRule> into, String list, String kind, Optional<List<String>> values) {
        for (String value : values.orElse(List.of())) {
            String normal = AbuseRule.normalise(kind, value).orElseThrow(() -> new IllegalStateException(
                    "constituent.abuse." + list + "." + kind + "s: not a valid " + kind + ": " + value));
            into.add(new AbuseRule(null, list, kind, normal, "configuration", null));
        }
    }

    /** Blocked if any block entry matches; else allowed if any allow entry matches. */
    public Verdict check(String ip, String email) {
        return snapshot.check(ip, email);
    }

    /** Every entry, configured ones first. */
    public List<AbuseRule> rules() {
        return snapshot.rules();
    }

    /**
     * Adds an entry (or returns the existing equal one).
     *
     * @throws ProblemException 400 naming {@code list}, {@code kind} or {@code value} when one is not valid
     */
    @Transactional
    public AbuseRule add(String list, String kind, String value, String note) {
        List<Invalid> invalid = new ArrayList<>();
        if (!LISTS.contains(list)) {
            invalid.add(new Invalid("list", "field.abuse.list.invalid"));
        }
        if (!KINDS.contains(kind)) {
            invalid.add(new Invalid("kind", "field.abuse.kind.invalid"));
        }
        Optional<String> normal = KINDS.contains(kind) ? AbuseRule.normalise(kind, value) : Optional.empty();
        if (normal.isEmpty() && KINDS.contains(kind)) {
            invalid.add(new Invalid("value", "field.abuse.value.invalid"));
        }
        if (note != null && note.length() > 500) {
            invalid.add(new Invalid("note", "field.abuse.note.invalid"));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid, null);
        }
        em.createNativeQuery("""
                INSERT INTO abuse_rule (list, kind, value, note) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (list, kind, value) DO NOTHING
                """).setParameter(1, list).setParameter(2, kind).setParameter(3, normal.get())
                .setParameter(4, note).executeUpdate();
        reload();
        return snapshot.rules().stream()
                .filter(r -> r.id() != null && r.list().equals(list) && r.kind().equals(kind)
                        && r.value().equals(normal.get()))
                .findFirst().orElseThrow();
    }

    /** Removes a stored entry; returns whether there was one. Configured entries are removed in configuration. */
    @Transactional
    public boolean remove(long id) {
        int removed = em.createNativeQuery("DELETE FROM abuse_rule WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
        reload();
        return removed > 0;
    }

    @Scheduled(every = "${constituent.abuse.lists-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void reload() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, list, kind, value, note, created_at FROM abuse_rule ORDER BY id", Object[].class)
                .getResultList();
        List<AbuseRule> rules = new ArrayList<>(configured);
        for (Object[] row : rows) {
            rules.add(new AbuseRule(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4], toOffset(row[5])));
        }
        snapshot = new RuleSet(rules);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(java.time.ZoneOffset.UTC) : null;
    }
}

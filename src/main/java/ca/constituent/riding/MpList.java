package ca.constituent.riding;

import ca.constituent.common.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An uploaded MP list, in the columns of the shipped {@code mps_45th_parliament.csv} ({@code fed_num, mp_name,
 * mp_party, mp_email}, optionally {@code mp_photo_url}, {@code mp_record_source}, {@code notes}). Read and checked
 * completely before anything changes: every wrong line is reported by its number (values are never echoed), every
 * riding must have a line (an empty {@code mp_name} is a vacant seat), so a truncated file cannot empty seats.
 */
public final class MpList {

    /** One riding's seat in the list: its MP, or null when vacant. */
    public record Seat(String fedCode, Mp mp, String source) {
    }

    static final int MAX_ERRORS = 50;
    private static final List<String> REQUIRED = List.of("fed_num", "mp_name", "mp_party", "mp_email");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,}");

    private final Map<String, Seat> seats;

    private MpList(Map<String, Seat> seats) {
        this.seats = seats;
    }

    public Map<String, Seat> seats() {
        return seats;
    }

    /**
     * Parses and checks {@code csv} against the known ridings.
     *
     * @throws ProblemException 400 {@code invalid-mp-list} with one error per wrong line (field {@code line N})
     */
    static MpList read(byte[] csv, Set<String> ridings) {
        List<ProblemException.Invalid> errors = new ArrayList<>();
        Map<String, Seat> seats = new LinkedHashMap<>();
        List<Csv.Row> rows;
        try {
            rows = Csv.read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw invalid(List.of(new ProblemException.Invalid("file", "upload.mps.unreadable")));
        }
        if (rows.isEmpty() || !rows.get(0).columns().keySet().containsAll(REQUIRED)) {
            throw invalid(List.of(new ProblemException.Invalid("line 1", "upload.mps.header")));
        }
        for (Csv.Row row : rows) {
            String problem = problem(row, ridings, seats.keySet());
            if (problem != null) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(new ProblemException.Invalid("line " + row.line(), "upload.mps." + problem));
                }
                continue;
            }
            seats.put(row.get("fed_num"), seat(row));
        }
        Set<String> missing = new TreeSet<>(ridings);
        missing.removeAll(seats.keySet());
        rows.stream().map(r -> r.get("fed_num")).forEach(missing::remove);
        missing.stream().limit(Math.max(0, MAX_ERRORS - errors.size()))
                .forEach(code -> errors.add(new ProblemException.Invalid("riding " + code, "upload.mps.missing")));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new MpList(seats);
    }

    private static ProblemException invalid(List<ProblemException.Invalid> errors) {
        return new ProblemException(400, "invalid-mp-list", Map.of(), errors, null);
    }

    /** What is wrong with a line, as the last part of a message key; null when nothing is. */
    private static String problem(Csv.Row row, Set<String> ridings, Set<String> seen) {
        String fedCode = row.get("fed_num");
        String name = row.get("mp_name");
        String email = row.get("mp_email");
        String photo = row.get("mp_photo_url");
        if (!ridings.contains(fedCode)) {
            return "fed-num";
        }
        if (seen.contains(fedCode)) {
            return "duplicate";
        }
        if (name.isEmpty()) {
            return row.get("mp_party").isEmpty() && email.isEmpty() ? null : "vacant-with-details";
        }
        return detailProblem(name, row.get("mp_party"), email, photo);
    }

    /** What is wrong with an MP's details, as the last part of a message key; null when nothing is. */
    private static String detailProblem(String name, String party, String email, String photo) {
        if (name.length() > 200 || hasControl(name)) {
            return "name";
        }
        if (party.isEmpty() || party.length() > 100 || hasControl(party)) {
            return "party";
        }
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            return "email";
        }
        return photo.isEmpty() || photo.startsWith("https://") ? null : "photo";
    }

    /**
     * An MP as an organiser typed it in a form, checked like a line of a list.
     *
     * @throws ProblemException 400 naming the wrong field ({@code name}, {@code party}, {@code email},
     *                          {@code photoUrl})
     */
    public static Mp mp(String name, String party, String email, String photoUrl) {
        String n = strip(name);
        String p = strip(party);
        String e = strip(email);
        String photo = strip(photoUrl);
        String problem = n.isEmpty() ? "name" : detailProblem(n, p, e, photo);
        if (problem != null) {
            String field = "photo".equals(problem) ? "photoUrl" : problem;
            throw ProblemException.invalid(List.of(new ProblemException.Invalid(field, "upload.mps." + problem)),
                    null);
        }
        return new Mp(n, p, e.isEmpty() ? null : e, photo.isEmpty() ? null : photo);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static Seat seat(Csv.Row row) {
        String name = row.get("mp_name");
        String source = row.get("mp_record_source").isEmpty() ? "upload" : row.get("mp_record_source");
        if (name.isEmpty()) {
            return new Seat(row.get("fed_num"), null, source);
        }
        String email = row.get("mp_email");
        // As in a dataset: the Represent photo belongs to the Represent record, which a by-election may supersede.
        String photo = row.has("mp_photo_url") ? row.get("mp_photo_url")
                : name.equals(row.get("represent_name")) ? row.get("represent_photo_url") : "";
        photo = photo.startsWith("https://") ? photo : "";
        return new Seat(row.get("fed_num"), new Mp(name, row.get("mp_party"), email.isEmpty() ? null : email,
                photo.isEmpty() ? null : photo), source);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c));
    }
}

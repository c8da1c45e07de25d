package ca.constituent.riding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of a {@link RidingDataset}'s three CSV files (ridings, MPs, FSA candidates), each checked against the
 * others; a bad row stops the load with its file and line.
 */
final class RidingDatasetRows {

    private static final Pattern FED_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern FSA = Pattern.compile("[A-Z][0-9][A-Z]");

    record RidingRow(String fedCode, String nameEn, String nameFr, String province) {
    }

    record MpRow(String fedCode, String name, String party, String email, String photoUrl, String source,
                 boolean needsVerification, String note) {
    }

    record FsaRow(String fsa, String fedCode, double share, String method) {
    }

    private final String origin;
    private final Map<String, byte[]> files;

    RidingDatasetRows(String origin, Map<String, byte[]> files) {
        this.origin = origin;
        this.files = files;
    }

    List<RidingRow> ridings() {
        List<RidingRow> ridings = new ArrayList<>();
        for (Csv.Row row : rows("ridings")) {
            String fedCode = row.get("fed_num");
            String province = row.get("province_abbr").toUpperCase(Locale.ROOT);
            require(FED_CODE.matcher(fedCode).matches(), row, "ridings", "fed_num is not 5 digits");
            require(Province.contains(province, fedCode), row, "ridings", "province_abbr does not match fed_num");
            require(!row.get("name_en").isEmpty() && !row.get("name_fr").isEmpty(), row, "ridings", "missing name");
            ridings.add(new RidingRow(fedCode, row.get("name_en"), row.get("name_fr"), province));
        }
        require(!ridings.isEmpty(), null, "ridings", "no riding");
        return ridings;
    }

    /** The sitting MPs; a riding without a row, or with an empty mp_name, is vacant. */
    List<MpRow> mps(Map<String, RidingRow> ridings) {
        List<MpRow> mps = new ArrayList<>();
        for (Csv.Row row : rows("mps")) {
            String fedCode = row.get("fed_num");
            require(ridings.containsKey(fedCode), row, "mps", "fed_num is not a riding of this dataset");
            String name = row.get("mp_name");
            if (name.isEmpty()) {
                continue;
            }
            String photo = row.has("mp_photo_url") ? row.get("mp_photo_url")
                    // The Represent photo belongs to the Represent record, which a by-election may have superseded.
                    : name.equals(row.get("represent_name")) ? row.get("represent_photo_url") : "";
            String note = row.get("notes");
            require(!row.get("mp_party").isEmpty(), row, "mps", "mp_party is empty");
            mps.add(new MpRow(fedCode, name, row.get("mp_party"), emptyToNull(row.get("mp_email")),
                    photo.startsWith("https://") ? photo : null, orElse(row.get("mp_record_source"), "dataset"),
                    note.toLowerCase(Locale.ROOT).contains("verify"), emptyToNull(note)));
        }
        return mps;
    }

    /**
     * FSA candidates. Rows measured by area carry their share; rows placed by sample points (FSAs without a polygon)
     * get each riding's share of the points.
     */
    List<FsaRow> fsaCandidates(Map<String, RidingRow> ridings) {
        List<Csv.Row> rows = rows("fsa");
        Map<String, Integer> pointsByFsa = new HashMap<>();
        for (Csv.Row row : rows) {
            if (row.get("area_share").isEmpty()) {
                pointsByFsa.merge(row.get("fsa"), points(row), Integer::sum);
            }
        }
        List<FsaRow> candidates = new ArrayList<>();
        for (Csv.Row row : rows) {
            String fsa = row.get("fsa").toUpperCase(Locale.ROOT);
            String fedCode = row.get("fed_num");
            require(FSA.matcher(fsa).matches(), row, "fsa", "fsa is not an FSA");
            require(ridings.containsKey(fedCode), row, "fsa", "fed_num is not a riding of this dataset");
            double share;
            try {
                share = row.get("area_share").isEmpty()
                        ? (double) points(row) / pointsByFsa.get(row.get("fsa"))
                        : Double.parseDouble(row.get("area_share"));
            } catch (NumberFormatException e) {
                share = Double.NaN;
            }
            require(share >= 0 && share <= 1, row, "fsa", "share is not between 0 and 1");
            if (share > 0) {
                candidates.add(new FsaRow(fsa, fedCode, share, orElse(row.get("method"), "unknown")));
            }
        }
        return candidates;
    }

    private static int points(Csv.Row row) {
        try {
            return Math.max(1, Integer.parseInt(row.get("geonames_points")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private List<Csv.Row> rows(String key) {
        try {
            return Csv.read(new InputStreamReader(new ByteArrayInputStream(files.get(key)), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private void require(boolean condition, Csv.Row row, String file, String message) {
        if (!condition) {
            throw new IllegalArgumentException(origin + " " + file + (row == null ? "" : " line " + row.line())
                    + ": " + message);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}

package ca.constituent.riding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One version of the riding data: the ridings, their MPs, the FSA candidates with area shares, and the boundaries
 * file. A dataset is a directory (or the shipped copy on the classpath, {@code data/ridings/}) holding
 * {@code dataset.properties} with a {@code version} and optionally the file names, and the files themselves:
 *
 * <pre>
 * version=2026-11-21              # compared as text: a newer dataset has a greater version
 * ridings=federal_electoral_districts_2023.csv   # fed_num, name_en, name_fr, province_abbr
 * mps=mps_45th_parliament.csv     # fed_num, mp_name, mp_party, mp_email [, mp_photo_url | represent_*], notes
 * fsa=fsa_to_fed_2023_overlap.csv # fsa, fed_num, method, area_share | geonames_points
 * boundaries=fed_2023_boundaries_simplified.geojson.gz   # GeoJSON, properties.fed_num; .gz is read as gzip
 * </pre>
 *
 * Everything is read and checked before anything is written, so a bad file changes nothing. Loaded at run time by
 * {@link RidingDatasets}, the shipped one included; no migration reads it.
 */
final class RidingDataset {

    static final String CLASSPATH_ROOT = "data/ridings/";
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
    private final Properties properties;
    private String sha256;

    private RidingDataset(String origin, Map<String, byte[]> files, Properties properties) {
        this.origin = origin;
        this.files = files;
        this.properties = properties;
    }

    /** The dataset shipped in the application. */
    static RidingDataset bundled() {
        return read("classpath:" + CLASSPATH_ROOT, name -> {
            InputStream in = RidingDataset.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name);
            if (in == null) {
                throw new IllegalArgumentException("missing in the shipped dataset: " + name);
            }
            return in;
        });
    }

    /** A dataset in a directory, such as a newer one an operator put beside the application. */
    static RidingDataset fromDirectory(Path directory) {
        return read(directory.toString(), name -> Files.newInputStream(directory.resolve(name)));
    }

    /** The version named in a dataset directory, read without reading the data files. */
    static String versionIn(Path directory) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve("dataset.properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.getProperty("version", "").strip();
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static RidingDataset read(String origin, Opener opener) {
        try {
            Properties properties = new Properties();
            try (InputStream in = opener.open("dataset.properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            if (properties.getProperty("version", "").isBlank()) {
                throw new IllegalArgumentException("dataset.properties has no version: " + origin);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String key : List.of("ridings", "mps", "fsa", "boundaries")) {
                String name = properties.getProperty(key, defaultName(key));
                try (InputStream in = opener.open(name)) {
                    files.put(key, in.readAllBytes());
                }
            }
            return new RidingDataset(origin, files, properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the riding dataset at " + origin, e);
        }
    }

    private static String defaultName(String key) {
        return switch (key) {
            case "ridings" -> "federal_electoral_districts_2023.csv";
            case "mps" -> "mps_45th_parliament.csv";
            case "fsa" -> "fsa_to_fed_2023_overlap.csv";
            default -> "fed_2023_boundaries_simplified.geojson.gz";
        };
    }

    String version() {
        return properties.getProperty("version").strip();
    }

    String origin() {
        return origin;
    }

    /** A digest of every file, so the same version with different content is noticed. */
    synchronized String sha256() {
        if (sha256 != null) {
            return sha256;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.values().forEach(digest::update);
            sha256 = HexFormat.of().formatHex(digest.digest());
            return sha256;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    InputStream boundaries() {
        return new ByteArrayInputStream(files.get("boundaries"));
    }

    boolean boundariesGzipped() {
        return properties.getProperty("boundaries", defaultName("boundaries")).endsWith(".gz");
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

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

    /** The checked rows of this dataset's CSV files. */
    RidingDatasetRows rows() {
        return new RidingDatasetRows(origin, files);
    }
}

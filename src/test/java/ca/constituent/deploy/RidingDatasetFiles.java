package ca.constituent.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** A riding dataset directory as an operator would publish one: the shipped files, a newer version, one renaming. */
final class RidingDatasetFiles {

    static final String RIDINGS = "federal_electoral_districts_2023.csv";
    static final String MPS = "mps_45th_parliament.csv";
    private static final Path SHIPPED = Path.of("src/main/resources/data/ridings");

    private RidingDatasetFiles() {
    }

    /** Writes the dataset files, then dataset.properties last, so a reader never sees a half-written version. */
    static void write(Path directory, String version, String avalonName) throws IOException {
        copyShipped(directory);
        replaceLine(directory.resolve(RIDINGS), "10001,",
                line -> line.replaceFirst("^10001,[^,]*,", "10001," + avalonName + ","));
        writeVersion(directory, version);
    }

    /** Copies the shipped dataset's files, all but dataset.properties (see {@link #writeVersion}). */
    static void copyShipped(Path directory) throws IOException {
        for (String file : List.of(RIDINGS, MPS, "fsa_to_fed_2023_overlap.csv",
                "fed_2023_boundaries_simplified.geojson.gz")) {
            Files.copy(SHIPPED.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Rewrites the lines of {@code file} that start with {@code prefix} (a riding's code and a comma). */
    static void replaceLine(Path file, String prefix, java.util.function.UnaryOperator<String> replacement)
            throws IOException {
        String text = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.startsWith(prefix) ? replacement.apply(line) : line)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Publishes the files as {@code version}: the shipped dataset.properties with that version. */
    static void writeVersion(Path directory, String version) throws IOException {
        String properties = Files.readString(SHIPPED.resolve("dataset.properties"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version=.*$", "version=" + version);
        Files.writeString(directory.resolve("dataset.properties"), properties, StandardCharsets.UTF_8);
    }
}

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

    private static final Path SHIPPED = Path.of("src/main/resources/data/ridings");

    private RidingDatasetFiles() {
    }

    /** Writes the dataset files, then dataset.properties last, so a reader never sees a half-written version. */
    static void write(Path directory, String version, String avalonName) throws IOException {
        for (String file : List.of("mps_45th_parliament.csv", "fsa_to_fed_2023_overlap.csv",
                "fed_2023_boundaries_simplified.geojson.gz")) {
            Files.copy(SHIPPED.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String ridings = Files.readAllLines(SHIPPED.resolve("federal_electoral_districts_2023.csv"),
                        StandardCharsets.UTF_8).stream()
                .map(line -> line.startsWith("10001,") ? line.replaceFirst("^10001,[^,]*,", "10001," + avalonName + ",")
                        : line)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(directory.resolve("federal_electoral_districts_2023.csv"), ridings, StandardCharsets.UTF_8);
        String properties = Files.readString(SHIPPED.resolve("dataset.properties"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version=.*$", "version=" + version);
        Files.writeString(directory.resolve("dataset.properties"), properties, StandardCharsets.UTF_8);
    }
}

package ca.constituent.riding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.PostgresResource;
import ca.constituent.support.SwitchesOnProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A newer dataset put in a configured directory, with no code change: a by-election left Ottawa Centre vacant and a
 * riding was renamed. A postal-code file named in config is imported at start too.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(SwitchesOnProfile.class)
public class DatasetReloadTest {

    /** The newer dataset and postal-code table, written once to a fixed directory, and the settings naming them. */
    public static final class NewerDataset {

        static final Path DIRECTORY = write();

        private NewerDataset() {
        }

        private static Path write() {
            try {
                // One fixed place: the profile is loaded by more than one class loader, each running this.
                Path dir = Files.createDirectories(Path.of("target", "ridings-dataset-test"));
                for (String name : List.of("federal_electoral_districts_2023.csv", "mps_45th_parliament.csv",
                        "fsa_to_fed_2023_overlap.csv", "fed_2023_boundaries_simplified.geojson.gz")) {
                    try (InputStream in = DatasetReloadTest.class.getResourceAsStream("/data/ridings/" + name)) {
                        Files.write(dir.resolve(name), in.readAllBytes());
                    }
                }
                rewrite(dir.resolve("mps_45th_parliament.csv"), "35079,", "35079,Ottawa Centre,Ottawa-Centre,ON,,,,");
                rewrite(dir.resolve("federal_electoral_districts_2023.csv"), "10001,",
                        "10001,Avalon (renamed),Avalon (renommée),10,NL,Newfoundland and Labrador,"
                                + "Terre-Neuve-et-Labrador,2023");
                Files.writeString(dir.resolve("dataset.properties"), "version=2099-01-01\n");
                Files.writeString(dir.resolve("postal-codes.csv"), "postal_code,fed_code\nK1A 0A6,35079\n");
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void rewrite(Path file, String prefix, String replacement) throws IOException {
            String text = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> line.startsWith(prefix) ? replacement : line)
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        public static Map<String, String> config() {
            return Map.of("constituent.ridings.dataset-dir", DIRECTORY.toString(),
                    "constituent.ridings.postal-code-file", DIRECTORY.resolve("postal-codes.csv").toString());
        }
    }

    @Inject
    RidingDatasets datasets;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RidingConfig config;

    @Test
    void newerDatasetInTheConfiguredDirectoryIsLoadedAtStart() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version, row_count FROM riding_dataset WHERE kind = 'ridings'")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("2099-"), rs.getString(1));
            assertEquals(343, rs.getInt(2));
        }
        given().when().get("/api/ridings/10001").then().statusCode(200)
                .body("nameEn", equalTo("Avalon (renamed)"))
                .body("nameFr", equalTo("Avalon (renommée)"));
    }

    @Test
    void vacantSeatHasNoMpInRidingsAndLookups() {
        given().when().get("/api/ridings/35079").then().statusCode(200)
                .body("vacant", equalTo(true))
                .body("mp", nullValue());
        given().queryParam("postalCode", "K1A 0A6").when().get("/api/ridings/lookup").then().statusCode(200)
                .body("source", equalTo("postal-code-table"))
                .body("candidates[0].fedCode", equalTo("35079"))
                .body("candidates[0].vacant", equalTo(true))
                .body("candidates[0].mp", nullValue());
    }

    @Test
    void datasetUpdatedInTheDirectoryWhileRunningIsPickedUpByTheScheduledCheck() throws Exception {
        Path directory = config.datasetDir().orElseThrow();
        NewerDataset.rewrite(directory.resolve("federal_electoral_districts_2023.csv"), "10002,",
                "10002,Cape Spear (renamed),Cape Spear (renommée),10,NL,Newfoundland and Labrador,"
                        + "Terre-Neuve-et-Labrador,2023");
        Files.writeString(directory.resolve("dataset.properties"), "version=2099-02-01\n");
        datasets.check();
        given().when().get("/api/ridings/10002").then().statusCode(200).body("nameEn", equalTo("Cape Spear (renamed)"));
        given().when().get("/api/ridings/35079").then().statusCode(200).body("vacant", equalTo(true));
    }

    @Test
    void loadingTheSameOrAnOlderDatasetAgainChangesNothing() {
        assertEquals(RidingDatasetWriter.Outcome.ALREADY_LOADED, datasets.load(config.datasetDir().orElseThrow(), false));
        given().when().get("/api/ridings/35079").then().statusCode(200).body("vacant", equalTo(true));
    }
}

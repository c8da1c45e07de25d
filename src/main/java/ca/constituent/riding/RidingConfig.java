package ca.constituent.riding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the riding lookup ({@code constituent.ridings.*}). */
@ConfigMapping(prefix = "constituent.ridings")
public interface RidingConfig {

    /**
     * A directory holding a riding dataset newer than the shipped one ({@code dataset.properties} plus its files, see
     * {@link RidingDataset}). Loaded at start and on refresh when its version is greater than the loaded one.
     */
    Optional<Path> datasetDir();

    /**
     * A full postal-code table to import ({@code postal_code,fed_code[,share]} CSV with a header), such as an
     * organisation's licensed Statistics Canada file. Imported at start when its content differs from the imported one.
     */
    Optional<Path> postalCodeFile();

    /** How often to look for datasets loaded by another instance or put in {@code dataset-dir}, and new cache rows. */
    @WithDefault("60s")
    String refreshEvery();

    /** FSA candidates with a smaller share than this are boundary slivers and are not offered. */
    @WithDefault("0.01")
    double minShare();

    /** A point in no riding gets the nearest riding within this distance, flagged {@code nearest}; else 404. */
    @WithDefault("5000")
    double nearestWithinMetres();

    /** Open North's Represent API, asked when local data leaves a postal code ambiguous. */
    Represent represent();

    interface Represent {

        /** Off by default; the client's URL and timeouts are {@code quarkus.rest-client.represent.*}. */
        @WithDefault("false")
        boolean enabled();

        /**
         * The {@code boundary_set_name} of Represent's 2023 federal boundaries: the set's singular name (set
         * {@code 2023-federal-electoral-districts}). A trailing "s" is tolerated; boundaries of other sets, such as the
         * 2013 map's "Federal electoral district", are ignored.
         */
        @WithDefault("2023 Federal electoral district")
        String boundarySet();

        /** Ask only when the FSA candidates are ambiguous (or the FSA is unknown), saving the request budget. */
        @WithDefault("true")
        boolean onlyWhenAmbiguous();

        /** Client-side request budget, under Represent's free 60 requests a minute. */
        @WithDefault("50")
        int requestsPerMinute();

        /** How long an answer is reused before the postal code is asked again. */
        @WithDefault("P30D")
        Duration cacheTtl();

        /** How long "Represent knows no riding for this postal code" is reused. */
        @WithDefault("P1D")
        Duration unknownTtl();

        /** At most this many answers are also kept in memory; the rest are read from PostgreSQL. */
        @WithDefault("200000")
        int memoryEntries();

        /** The circuit opens when this share of recent calls failed (percent). */
        @WithDefault("50")
        float failureRateThreshold();

        /** How long an open circuit sends every lookup to the local sources before trying Represent again. */
        @WithDefault("PT60S")
        Duration openFor();
    }
}

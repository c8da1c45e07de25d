package ca.constituent.riding;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The boundaries of the loaded dataset version, read from its boundaries file (the configured directory's, else the
 * shipped one's) and kept until the file changes. Building them is the longest part of start-up, and needs no
 * database, so {@link #prebuild()} starts it on its own thread while the tables are checked and read.
 */
final class RidingBoundaries {

    private final RidingConfig config;
    private RidingDataset shipped;
    private String sha;
    private Boundaries boundaries;

    RidingBoundaries(RidingConfig config) {
        this.config = config;
    }

    /** The dataset shipped in the application, read from the classpath once. */
    synchronized RidingDataset shipped() {
        if (shipped == null) {
            shipped = RidingDataset.bundled();
        }
        return shipped;
    }

    /** Builds the shipped boundaries in the background, when no dataset directory may replace them. */
    void prebuild() {
        if (config.datasetDir().isEmpty()) {
            Thread thread = new Thread(() -> of(shipped().version()), "riding-boundaries");
            thread.setDaemon(true);
            thread.start(); // a failure is met again, and reported, by the caller of of()
        }
    }

    /** The boundaries of dataset {@code version}; waits while another thread builds them. */
    synchronized Boundaries of(String version) {
        RidingDataset dataset = shipped();
        if (config.datasetDir().isPresent()) {
            try {
                RidingDataset configured = RidingDataset.fromDirectory(config.datasetDir().get());
                if (configured.version().equals(version) || !dataset.version().equals(version)) {
                    dataset = configured;
                }
            } catch (RuntimeException e) {
                Log.warnf("Riding dataset in %s unreadable; using the shipped boundaries: %s",
                        config.datasetDir().get(), e.getMessage());
            }
        }
        if (!dataset.version().equals(version)) {
            Log.warnf("No boundaries file for riding dataset %s; using those of %s", version, dataset.version());
        }
        if (!dataset.sha256().equals(sha)) {
            try {
                boundaries = Boundaries.readGeoJson(dataset.boundaries(), dataset.boundariesGzipped());
                sha = dataset.sha256();
            } catch (IOException e) {
                throw new UncheckedIOException("boundaries of riding dataset " + dataset.version() + " unreadable", e);
            }
        }
        return boundaries;
    }
}

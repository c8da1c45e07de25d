package ca.constituent.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of privacy jobs; each campaign's retention periods are its own (set on the dashboard). */
@ConfigMapping(prefix = "constituent.privacy")
interface PrivacyConfig {

    /** How often retention runs, once per period across replicas. */
    @WithDefault("1h")
    Duration retentionEvery();
}

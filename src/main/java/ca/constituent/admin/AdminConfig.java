package ca.constituent.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the organisers' dashboard. */
@ConfigMapping(prefix = "constituent.admin")
interface AdminConfig {

    /** Session lifetimes. */
    Session session();

    /** Sign-in throttling. */
    Throttle throttle();

    /**
     * The bcrypt cost of stored passwords (2^cost rounds). Production keeps 12 and refuses to start below it; the
     * test profile lowers it to 4, as Devise and Django do in tests, because the tests create accounts and sign in
     * from 48 places, some in loops, and each hash or check at 12 takes 0.3 to 1 s of a core here. Existing hashes
     * keep the cost they were made with: after raising it, reset the passwords, or a sign-in to an old account
     * answers faster than one to an unknown address (which is compared against a hash of the new cost).
     */
    @WithDefault("12")
    int passwordHashCost();

    /** Adds {@code Secure} to the session cookie; only dev mode over plain HTTP turns it off. */
    @WithDefault("true")
    boolean secureCookie();

    /** Rows per page of the recent-signatures and audit pages. */
    @WithDefault("50")
    int pageSize();

    /** Signatures a moderation job's batch changes, each batch in its own transaction. */
    @WithDefault("1000")
    int moderationBatchSize();

    /** How often queued moderation jobs move on (the timer of {@code ModerationJobs}). */
    @WithDefault("2s")
    String moderationEvery();

    /** How often the hourly timeline is rolled up, once per period across replicas. */
    @WithDefault("30s")
    Duration hourlyRollupEvery();

    interface Session {
        /** A session ends after this long without a request. */
        @WithDefault("PT30M")
        Duration idle();

        /** A session ends this long after sign-in, however active. */
        @WithDefault("PT12H")
        Duration absolute();
    }

    interface Throttle {
        /** Failed sign-ins, per account and per IP address, that lock further attempts. */
        @WithDefault("5")
        int failures();

        /** How long a lock lasts, and the window in which failures add up. */
        @WithDefault("PT15M")
        Duration lock();
    }
}

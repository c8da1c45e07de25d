package ca.constituent.signature;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of signature intake, confirmation and counts. */
@ConfigMapping(prefix = "constituent.signatures")
public interface SignatureConfig {

    /** How long a confirmation link stays valid after the last confirmation mail was queued. */
    @WithDefault("7")
    int confirmationValidDays();

    /** How many confirmation mails one signature may be sent in 24 hours, the first one included. */
    @WithDefault("3")
    int confirmationMailsPerDay();

    /** How often the count deltas are folded into {@code signature_count} (once per period across replicas). */
    @WithDefault("2s")
    Duration countsEvery();

    /** The batching writer behind intake. */
    Writer writer();

    interface Writer {
        /**
         * Writer threads, each with its own connection and transaction. Fewer writers make larger batches (see
         * docs/performance.md, "Intake"): two measured better than four on 2 cores.
         */
        @WithDefault("2")
        int threads();

        /** The most signatures written in one statement and one commit. */
        @WithDefault("256")
        int batchSize();

        /** Signatures that may wait for a writer; beyond that intake answers 503 at once. */
        @WithDefault("20000")
        int queueCapacity();

        /**
         * Whether the batch statement runs on PostgreSQL's cached generic plan instead of being planned for each
         * batch (see docs/performance.md, "Intake"). Off only to compare.
         */
        @WithDefault("true")
        boolean genericPlan();

        /**
         * Whether PostgreSQL may compile the batch statement with its JIT (LLVM). Off: with millions of signatures
         * stored, compiling cost 570 ms a batch (docs/performance.md, "Ten million signatures: PostgreSQL's JIT").
         * On only to compare.
         */
        @WithDefault("false")
        boolean jit();
    }
}

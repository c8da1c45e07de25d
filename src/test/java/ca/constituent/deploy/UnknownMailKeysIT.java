package ca.constituent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mail settings are typed: a key inside a mapping's namespace that no mapping declares (a typo, or a setting that no
 * longer exists, such as the old per-queue schedules) stops the packaged app's start, before it reaches anything
 * else, instead of being silently ignored. The same start without those keys gets past configuration and fails only
 * later, at the database this test does not give it.
 */
class UnknownMailKeysIT {

    static final List<String> UNKNOWN = List.of("-Dconstituent.outbox.evry=5s", "-Dconstituent.mp-email.every=5s",
            "-Dconstituent.signatures.mail.batch-size=10");
    /** In the driver's refusal whatever the machine's language (the sentence around it is translated). */
    static final String REFUSED_DATABASE = "127.0.0.1:1";

    @Test
    void anUndeclaredKeyInAMailNamespaceStopsTheStart() throws Exception {
        String output = adminHelp("unknown-mail-keys", UNKNOWN);
        assertTrue(output.contains("constituent.outbox.evry"), output);
        assertTrue(output.contains("constituent.mp-email.every"), output);
        assertTrue(output.contains("constituent.signatures.mail.batch-size"), output);
        assertTrue(output.contains("does not map to any root"), output);
        assertFalse(output.contains(REFUSED_DATABASE), "stopped before the database: " + output);
    }

    @Test
    void withoutThemTheSameStartGetsPastConfiguration() throws Exception {
        String output = adminHelp("known-mail-keys", List.of());
        assertFalse(output.contains("does not map to any root"), output);
        assertTrue(output.contains(REFUSED_DATABASE) && output.contains("PSQLException"),
                "reached the database: " + output);
    }

    /** Runs {@code admin help} on the packaged app against a database that refuses connections; its output. */
    private static String adminHelp(String name, List<String> options) throws Exception {
        AppProcess app = new AppProcess(name);
        int exit = app.run(Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:1/none", "DB_USER", "none",
                "DB_PASSWORD", "none", "APP_SECRET", "unknown-mail-keys-it-secret-0123456789ab",
                "MAIL_FROM", "Constituent <campaigns@example.ca>", "MP_EMAIL_FROM", "letters@example.ca"),
                options, List.of("admin", "help"), Duration.ofSeconds(120));
        String output = Files.readString(app.log);
        assertEquals(1, exit, output);
        return output;
    }
}

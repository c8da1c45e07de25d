package ca.constituent.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mail settings are typed: a key inside a mapping's namespace that no mapping declares (a typo, or a setting that no
 * longer exists, such as the old per-queue schedules) stops the start instead of being silently ignored.
 */
@QuarkusMainTest
@TestProfile(UnknownMailKeysFailStartTest.Unknown.class)
class UnknownMailKeysFailStartTest {

    public static class Unknown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("constituent.outbox.evry", "5s", "constituent.mp-email.every", "5s",
                    "constituent.signatures.mail.batch-size", "10");
        }
    }

    @Test
    @Launch(value = {"admin", "help"}, exitCode = 1)
    void anUndeclaredKeyInAMailNamespaceStopsTheStart(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("constituent.outbox.evry"), output);
        assertTrue(output.contains("constituent.mp-email.every"), output);
        assertTrue(output.contains("constituent.signatures.mail.batch-size"), output);
        assertTrue(output.contains("does not map to any root"), output);
    }
}

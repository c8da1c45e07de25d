package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretCheckTest {

    @Test
    void shortSecretIsRefusedWithWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Keys.check("short"));
        assertTrue(e.getMessage().contains("at least 32 characters"));
        assertTrue(!e.getMessage().contains("short"), "the message never quotes the secret");
    }

    @Test
    void exampleSecretFromDockerEnvExampleIsRefused() throws Exception {
        String example = java.nio.file.Files.readAllLines(java.nio.file.Path.of("docker/.env.example")).stream()
                .filter(l -> l.startsWith("APP_SECRET=")).findFirst().orElseThrow().substring("APP_SECRET=".length());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Keys.check(example));
        assertTrue(e.getMessage().contains("example value"));
    }

    @Test
    void longRandomSecretIsAccepted() {
        assertDoesNotThrow(() -> Keys.check("Zq3v9Xr2mT8kL1pW6yH4nB7cD0fG5jS2aE9uQ"));
    }
}

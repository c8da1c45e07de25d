package ca.constituent.mpemail;

import ca.constituent.support.SmtpPort;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Real SMTP: the mailer talks to a server on a loopback port chosen for this test run. */
public class SmtpProfile implements QuarkusTestProfile {

    /** Held by this JVM from first use to exit, the same in every class loader (see {@link SmtpPort}). */
    public static final int PORT = SmtpPort.PORT;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(PORT),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.keep-alive", "false");
    }

}

package ca.constituent.mpemail;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Real SMTP: the mailer talks to a server on a loopback port chosen for this test run. */
public class SmtpProfile implements QuarkusTestProfile {

    /** Chosen once per JVM: the profile is loaded by more than one class loader, the property is shared. */
    public static final int PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("greenmail.test.port", k -> String.valueOf(freePort())).toString());

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(PORT),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.keep-alive", "false");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ca.constituent.admin;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The application's entry point: the web service, or with {@code admin …} arguments the account command. The command
 * starts no HTTP listener and no scheduled work, so it runs beside a serving instance on the same machine.
 */
@QuarkusMain
public class AdminMain {

    public static void main(String... args) {
        // Leaves an address java.net.URI cannot read to RequestHeads, which answers it with a problem in the
        // request's language; Quarkus would refuse it first with a bare 400. Its HTTP server reads the switch when it
        // starts, so it is set here, before Quarkus runs (tests and dev mode set it in the pom).
        System.setProperty("vertx.disableURIValidation", "true");
        if (isCommand(args)) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.log.console.level", "WARN");
        }
        Quarkus.run(Application.class, args);
    }

    static boolean isCommand(String... args) {
        return args.length > 0 && "admin".equals(args[0]);
    }

    /** Serves until stopped, or runs the command and exits with its code. */
    public static class Application implements QuarkusApplication {

        @Inject
        AdminCommand command;

        @Override
        public int run(String... args) {
            if (!isCommand(args)) {
                Quarkus.waitForExit();
                return 0;
            }
            BufferedReader in = System.console() != null ? null
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return command.run(args, in, System.out, System.err);
        }
    }
}

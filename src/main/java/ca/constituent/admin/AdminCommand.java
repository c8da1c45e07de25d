package ca.constituent.admin;

import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import ca.constituent.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code admin create --email a@b.ca --role admin [--name "A B"]}, {@code admin disable --email …},
 * {@code admin reset-password --email …}. Passwords are read from standard input (never from arguments, which other
 * users of the machine can see).
 */
@ApplicationScoped
class AdminCommand {

    private final AdminAccounts accounts;

    AdminCommand(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    /** Runs the command; returns the process exit code (0 done, 1 refused, 2 usage). */
    int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        String action = args.length > 1 ? args[1] : "";
        String email = options.get("email");
        if (email == null || options.containsKey("invalid")) {
            err.println(Messages.get(Language.EN, "admin.command.usage"));
            return 2;
        }
        try {
            switch (action) {
                case "create" -> accounts.create(email, options.get("name"), options.getOrDefault("role", ""),
                        password(in, out));
                case "disable" -> accounts.disable(email);
                case "reset-password" -> accounts.resetPassword(email, password(in, out));
                default -> {
                    err.println(Messages.get(Language.EN, "admin.command.usage"));
                    return 2;
                }
            }
        } catch (ProblemException e) {
            e.invalidFields().forEach(i -> err.println(Messages.get(Language.EN, i.messageKey())));
            return 1;
        } catch (IOException e) {
            err.println(Messages.get(Language.EN, "admin.command.no-password"));
            return 1;
        }
        out.println(Messages.get(Language.EN, "admin.command.done." + action));
        return 0;
    }

    private static String password(BufferedReader in, PrintStream out) throws IOException {
        if (System.console() != null && in == null) {
            char[] typed = System.console().readPassword("%s", Messages.get(Language.EN, "admin.command.prompt"));
            return typed == null ? "" : new String(typed);
        }
        String line = in == null ? null : in.readLine();
        if (line == null) {
            throw new IOException("no password on standard input");
        }
        return line;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                options.put("invalid", args[i]);
            }
        }
        return options;
    }
}

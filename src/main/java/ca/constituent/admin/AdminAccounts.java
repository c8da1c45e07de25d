package ca.constituent.admin;

import ca.constituent.common.ProblemException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Creating, disabling and resetting organiser accounts; used by the {@code admin} command and by tests. Created at
 * start ({@link Startup}), so a password-hash cost the service must not run with stops the start, not a sign-in.
 */
@Startup
@ApplicationScoped
public class AdminAccounts {

    private static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";

    private final AdminSessions sessions;
    private final AdminAudit audit;
    private final int hashCost;

    AdminAccounts(AdminSessions sessions, AdminAudit audit, AdminConfig config) {
        this.sessions = sessions;
        this.audit = audit;
        this.hashCost = PasswordPolicy.checkedCost(config.passwordHashCost(), LaunchMode.current() == LaunchMode.TEST);
    }

    /** A bcrypt hash of the password at the configured cost. */
    String hash(String password) {
        return PasswordPolicy.hash(password, hashCost);
    }

    /** Creates an account; refuses a taken address, an unknown role or a weak password. Returns its id. */
    @Transactional
    public long create(String email, String displayName, String role, String password) {
        String address = AdminUser.normalise(email);
        if (!address.matches(EMAIL) || address.length() > 254) {
            throw refused("admin.account.email-invalid");
        }
        String checkedRole = Role.parse(role).orElseThrow(() -> refused("admin.account.role-invalid"));
        checkPassword(password, address);
        if (AdminUser.findByEmail(address).isPresent()) {
            throw refused("admin.account.exists");
        }
        AdminUser user = new AdminUser();
        user.email = address;
        user.displayName = displayName == null || displayName.isBlank() ? address.split("@")[0] : displayName.strip();
        user.role = checkedRole;
        user.passwordHash = hash(password);
        user.persist();
        audit.record(AdminAudit.Entry.system("account-create", address, 1));
        return user.id;
    }

    /** Disables an account and ends its sessions. */
    @Transactional
    public void disable(String email) {
        AdminUser user = existing(email);
        user.disabledAt = OffsetDateTime.now();
        sessions.endAllOf(user.id);
        audit.record(AdminAudit.Entry.system("account-disable", user.email, 1));
    }

    /** Sets a new password, enables the account again, and ends its sessions. */
    @Transactional
    public void resetPassword(String email, String password) {
        AdminUser user = existing(email);
        checkPassword(password, user.email);
        user.passwordHash = hash(password);
        user.disabledAt = null;
        sessions.endAllOf(user.id);
        audit.record(AdminAudit.Entry.system("account-reset-password", user.email, 1));
    }

    private static AdminUser existing(String email) {
        return AdminUser.findByEmail(email).orElseThrow(() -> refused("admin.account.unknown"));
    }

    private static void checkPassword(String password, String email) {
        PasswordPolicy.refusal(password, email).ifPresent(key -> {
            throw refused(key);
        });
    }

    private static ProblemException refused(String messageKey) {
        return new ProblemException(400, "invalid-request", Map.of(),
                List.of(new ProblemException.Invalid("account", messageKey)), null);
    }
}

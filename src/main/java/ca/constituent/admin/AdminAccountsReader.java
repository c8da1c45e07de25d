package ca.constituent.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads an account for sign-in, in its own short transaction (sign-in runs on a worker thread, outside any). */
@ApplicationScoped
class AdminAccountsReader {

    record Account(long id, String email, String displayName, String role, String passwordHash, boolean disabled) {
    }

    @Transactional
    Optional<Account> byEmail(String email) {
        return AdminUser.findByEmail(email)
                .map(u -> new Account(u.id, u.email, u.displayName, u.role, u.passwordHash, u.disabled()));
    }
}

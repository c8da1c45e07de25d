package ca.constituent.admin;

import ca.constituent.common.Keys;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Checks the form's address and password against {@code admin_user}. Unknown address, wrong password, disabled account,
 * locked subject and foreign Origin all take the same path (one bcrypt comparison, one throttle update, one audit line)
 * and give the same answer, so neither the answer nor its timing tells which it was.
 */
@ApplicationScoped
class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AdminAccountsReader accounts;
    private final SignInThrottle throttle;
    private final AdminSessions sessions;
    private final AdminAudit audit;
    private final Keys keys;
    private final AdminRequests requests;
    private final AdminAccounts accountWriter;
    /**
     * Compared against when the address has no account, so that case costs a bcrypt comparison too; made at the
     * configured cost on the first sign-in's worker thread (never on an I/O thread).
     */
    private volatile String noAccountHash;

    PasswordSignIn(AdminAccountsReader accounts, SignInThrottle throttle, AdminSessions sessions, AdminAudit audit,
                   Keys keys, AdminRequests requests, AdminAccounts accountWriter) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.keys = keys;
        this.requests = requests;
        this.accountWriter = accountWriter;
    }

    private String noAccountHash() {
        String hash = noAccountHash;
        if (hash == null) {
            hash = accountWriter.hash("no account has this password " + Math.random());
            noAccountHash = hash;
        }
        return hash;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String email = AdminUser.normalise(request.getUsername());
        String password = new String(request.getPassword().getPassword());
        boolean sameOrigin = http != null && requests.sameOrigin(http.request());
        String ipHash = http == null ? null : requests.ipHash(http.request());
        return context.runBlocking(() -> signIn(email, password, sameOrigin, ipHash));
    }

    private SecurityIdentity signIn(String email, String password, boolean sameOrigin, String ipHash) {
        String accountSubject = "account:" + keys.hash("admin-account", email, 22);
        List<String> subjects = ipHash == null ? List.of(accountSubject) : List.of(accountSubject, "ip:" + ipHash);
        boolean locked = throttle.locked(subjects);
        Optional<AdminAccountsReader.Account> account = accounts.byEmail(email);
        boolean matches = PasswordPolicy.matches(password,
                account.map(a -> a.passwordHash()).orElseGet(this::noAccountHash));
        if (!matches || account.isEmpty() || account.get().disabled() || locked || !sameOrigin) {
            throttle.failed(subjects);
            audit.record(new AdminAudit.Entry(null, "-", "sign-in-failed", accountSubject, null, ipHash));
            Log.infof("Failed sign-in to the dashboard (account %s)", accountSubject);
            throw new AuthenticationFailedException();
        }
        AdminAccountsReader.Account a = account.get();
        throttle.succeeded(accountSubject);
        String token = sessions.start(a.id());
        SignedIn signedIn = new SignedIn(a.id(), a.email(), a.displayName(), a.role(), token);
        audit.record(AdminAudit.Entry.by(signedIn, "sign-in", null, null, ipHash));
        return SessionResume.identity(signedIn);
    }
}

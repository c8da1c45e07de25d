package ca.constituent.admin;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the session cookie (whose principal name is the session token) back into the signed-in organiser, if the
 * session is still live in {@code admin_session}.
 */
@ApplicationScoped
class SessionResume implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AdminSessions sessions;

    SessionResume(AdminSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String token = request.getPrincipal();
        return context.runBlocking(() -> sessions.resume(token)
                .map(SessionResume::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    static SecurityIdentity identity(SignedIn signedIn) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(signedIn.sessionToken()))
                .addRole(signedIn.role())
                .addAttribute(SignedIn.ATTRIBUTE, signedIn)
                .build();
    }
}

package ca.constituent.admin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The signed-in organiser of the current request, for resources and filters. */
@RequestScoped
class CurrentAdmin {

    private final SecurityIdentity identity;

    CurrentAdmin(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The organiser, or null for an anonymous request. */
    SignedIn get() {
        return identity.isAnonymous() ? null : identity.getAttribute(SignedIn.ATTRIBUTE);
    }
}

package ca.constituent.signature;

import ca.constituent.common.Keys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The secret that lets a signer act for their own signature (confirm it, write to their MP). It is derived from
 * the signature id and the server secret, never stored, and reaches the signer only inside the link of the
 * confirmation mail.
 */
@ApplicationScoped
public class SignerKeys {

    private final Keys keys;

    SignerKeys(Keys keys) {
        this.keys = keys;
    }

    public String keyFor(UUID signatureId) {
        return keys.hash("signer", signatureId.toString(), 32);
    }

    public boolean verify(UUID signatureId, String presented) {
        return Keys.matches(keyFor(signatureId), presented);
    }
}

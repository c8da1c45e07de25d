package ca.constituent.privacy;

import ca.constituent.signature.Signature;
import ca.constituent.signature.SignatureService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * What a signer can do with their own data through the link in every mail: see it, erase it, withdraw consent to
 * updates. The signer key in the link is the only credential; a wrong key and an unknown id answer alike (404).
 */
@ApplicationScoped
public class SignerData {

    private final SignatureService signatures;
    private final EntityManager em;

    SignerData(SignatureService signatures, EntityManager em) {
        this.signatures = signatures;
        this.em = em;
    }

    /** The signature the key opens, with its letter's status. */
    @Transactional
    public Signature view(UUID id, String key) {
        return signatures.authorised(id, key);
    }

    /**
     * Deletes the signature, its mails and its letter. The counts drop by one through the journal; nothing that
     * names the signer is left.
     */
    @Transactional
    public void erase(UUID id, String key) {
        Signature signature = signatures.authorised(id, key);
        em.createNativeQuery("DELETE FROM signature WHERE id = ?1").setParameter(1, signature.id).executeUpdate();
    }

    /** Withdraws consent to updates; answers alike whether or not it had been given. */
    @Transactional
    public void unsubscribe(UUID id, String key) {
        Signature signature = signatures.authorised(id, key);
        em.createNativeQuery("UPDATE signature SET consent_updates = false WHERE id = ?1")
                .setParameter(1, signature.id).executeUpdate();
    }
}

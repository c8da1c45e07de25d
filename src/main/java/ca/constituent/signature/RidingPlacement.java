package ca.constituent.signature;

import ca.constituent.common.ProblemException;
import ca.constituent.riding.Candidate;
import ca.constituent.riding.LookupResult;
import ca.constituent.riding.Province;
import ca.constituent.riding.RidingLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ManagedExecutor;

/** Where a new signature belongs: its riding, from the signer's choice, the map point and the postal code. */
@ApplicationScoped
class RidingPlacement {

    private final RidingLookup ridings;
    private final RidingChoices choices;
    private final ManagedExecutor executor;

    RidingPlacement(RidingLookup ridings, RidingChoices choices, ManagedExecutor executor) {
        this.ridings = ridings;
        this.choices = choices;
        this.executor = executor;
    }

    /**
     * Finds the signature's riding: the signer's choice when it is one of the postal code's candidates or the riding
     * of the map point they chose; else the map point's riding; else the postal code's only candidate. An ambiguous
     * postal code with no choice stays without a riding, never silently given its likeliest candidate.
     */
    CompletionStage<NewSignature> place(NewSignature signature) {
        Optional<LookupResult> inMemory;
        try {
            inMemory = ridings.lookUpInMemory(signature.postalCode());
        } catch (ProblemException unknownPostalCode) {
            return completed(signature, null);
        }
        if (inMemory.isPresent()) {
            return completed(signature, inMemory.get());
        }
        // The remote provider may be asked: off the event loop.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return resolve(signature, ridings.lookUp(signature.postalCode()));
            } catch (ProblemException unknownPostalCode) {
                return resolve(signature, null);
            }
        }, executor);
    }

    private CompletionStage<NewSignature> completed(NewSignature signature, LookupResult lookup) {
        try {
            return CompletableFuture.completedFuture(resolve(signature, lookup));
        } catch (ProblemException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private NewSignature resolve(NewSignature signature, LookupResult lookup) {
        List<String> candidates = lookup == null ? List.of()
                : lookup.candidates().stream().map(Candidate::fedCode).toList();
        String located = null;
        if (signature.latitude() != null && signature.longitude() != null) {
            try {
                String fedCode = ridings.locate(signature.latitude(), signature.longitude()).riding().fedCode();
                if (Province.contains(signature.postalCode().province(), fedCode)) {
                    located = fedCode;
                }
            } catch (ProblemException outsideCanada) {
                located = null;
            }
        }
        if (signature.fedCode() != null) {
            if (!choices.of(signature.postalCode(), lookup).allows(signature.fedCode())
                    && !signature.fedCode().equals(located)) {
                throw ProblemException.invalid(List.of(new ProblemException.Invalid("fedCode",
                        "field.fedCode.invalid")), signature.language());
            }
            return signature;
        }
        if (located != null) {
            return signature.withFedCode(located);
        }
        if (lookup != null && !lookup.ambiguous() && !candidates.isEmpty()) {
            return signature.withFedCode(candidates.get(0));
        }
        return signature.withFedCode(null);
    }
}

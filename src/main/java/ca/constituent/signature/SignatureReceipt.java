package ca.constituent.signature;

import ca.constituent.common.Language;
import ca.constituent.common.Messages;
import java.util.Map;

/**
 * The answer to a signature: identical whether the address is new, already pending or already confirmed, and with
 * nothing in it that lets its holder act for a stored signature.
 */
public record SignatureReceipt(String status, String campaign, String language, String message, String nextStep,
                               int confirmationValidDays) {

    static SignatureReceipt received(String campaign, Language language, int validDays) {
        return new SignatureReceipt("received", campaign, language.code(),
                Messages.get(language, "receipt.received", Map.of("days", validDays)),
                Messages.get(language, "receipt.next-step"),
                validDays);
    }
}

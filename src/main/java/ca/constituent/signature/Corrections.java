package ca.constituent.signature;

/**
 * What the mailbox owner may change on the confirmation page before confirming: the name, the personal note and the
 * consent to updates, which counts only as it stands when they press the button.
 */
record Corrections(String firstName, String lastName, String personalNote, boolean consentUpdates) {
}

package ca.constituent.mpemail;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets tests of other features send the due letters to MPs now. */
@ApplicationScoped
public class LetterOutboxes {

    private final MpEmailOutbox outbox;

    LetterOutboxes(MpEmailOutbox outbox) {
        this.outbox = outbox;
    }

    public int deliverDue() {
        return outbox.deliverDue();
    }
}

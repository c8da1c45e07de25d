package ca.constituent.mpemail;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets tests of other features deliver the letters that are due now. */
@ApplicationScoped
public class MpEmails {

    private final MpEmailOutbox outbox;

    MpEmails(MpEmailOutbox outbox) {
        this.outbox = outbox;
    }

    public int deliverDue() {
        return outbox.deliverDue();
    }
}

package ca.constituent.signature;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets tests of other features drain the confirmation-mail queue now. */
@ApplicationScoped
public class ConfirmationMails {

    private final ConfirmationMailer mailer;

    ConfirmationMails(ConfirmationMailer mailer) {
        this.mailer = mailer;
    }

    public int sendDue() {
        return mailer.sendDue();
    }
}

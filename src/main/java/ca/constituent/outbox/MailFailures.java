package ca.constituent.outbox;

import io.vertx.ext.mail.SMTPException;

/** Tells a failure worth retrying (connection refused, 4xx) from one that never will succeed (5xx). */
final class MailFailures {

    private MailFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
        }
        return false;
    }

    /** A short description safe to store: the SMTP reply code, or the failure's class; never addresses. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return "SMTP " + smtp.getReplyCode();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}

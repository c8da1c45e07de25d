package ca.constituent.outbox;

import io.quarkus.mailer.Mail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps every value that reaches a mail header on one line, whatever a kind composed: line breaks and other control
 * characters become a space, so no name, subject or title (typed by a signer, uploaded by an organiser) can add a
 * header or start the body. The features validate their text too; this is the last word before the transport.
 */
final class HeaderLines {

    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private HeaderLines() {
    }

    /** {@code mail} with its subject, addresses and extra headers on one line each. */
    static Mail oneLine(Mail mail) {
        mail.setSubject(line(mail.getSubject()));
        if (mail.getFrom() != null) {
            mail.setFrom(line(mail.getFrom()));
        }
        if (mail.getReplyTo() != null) {
            mail.setReplyTo(line(mail.getReplyTo()));
        }
        mail.setTo(mail.getTo().stream().map(HeaderLines::line).toList());
        mail.setCc(mail.getCc().stream().map(HeaderLines::line).toList());
        mail.setBcc(mail.getBcc().stream().map(HeaderLines::line).toList());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        mail.getHeaders().forEach((name, values) ->
                headers.put(line(name), values.stream().map(HeaderLines::line).toList()));
        mail.setHeaders(headers);
        return mail;
    }

    static String line(String value) {
        return value == null ? null : BREAKS.matcher(value).replaceAll(" ");
    }
}

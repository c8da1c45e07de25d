package ca.constituent.support;

import ca.constituent.support.ScriptedSmtpServer.Delivery;
import io.quarkus.mailer.Mail;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * The mails the application sent over SMTP while no test had named a server of its own: the default server on
 * loopback, to which {@link SmtpPort} forwards the mailer's connections, started and stopped with the application.
 * Read as Quarkus' mock mailbox was: a mail is here as soon as the outbox's send of it has completed, since the server
 * records it before it answers the message's DATA with 250.
 */
@Singleton
@Startup
public class Mailbox {

    private ScriptedSmtpServer server;

    @PostConstruct
    void start() throws IOException {
        server = ScriptedSmtpServer.accepting(0);
        SmtpPort.serveByDefault(server.port());
    }

    @PreDestroy
    void stop() throws IOException {
        SmtpPort.stopServingByDefault(server.port());
        server.close();
    }

    /**
     * The mails with {@code address} among their recipients (To, Cc or Bcc), oldest first, each read as a mail client
     * would: From, To, Cc and Reply-To as addresses, Bcc as the recipients named in no header, every header unfolded,
     * subject decoded, text and HTML parts decoded with LF line ends.
     */
    public List<Mail> getMailsSentTo(String address) {
        return server.deliveries().stream().filter(d -> d.recipients().contains(address)).map(Mailbox::read)
                .toList();
    }

    /** The mails sent, each counted once per recipient. */
    public int getTotalMessagesSent() {
        return server.deliveries().stream().mapToInt(d -> d.recipients().size()).sum();
    }

    /** Forgets the mails sent so far. */
    public void clear() {
        server.clear();
    }

    static Mail read(Delivery delivery) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(delivery.message().getBytes(StandardCharsets.ISO_8859_1)));
            Mail mail = new Mail().setSubject(message.getSubject())
                    .setTo(addresses(message.getRecipients(MimeMessage.RecipientType.TO)))
                    .setCc(addresses(message.getRecipients(MimeMessage.RecipientType.CC)));
            if (message.getFrom() != null) {
                mail.setFrom(((InternetAddress) message.getFrom()[0]).toUnicodeString());
            }
            List<String> replyTo = addresses(message.getReplyTo());
            mail.setReplyTo(replyTo.isEmpty() || message.getHeader("Reply-To") == null ? null
                    : String.join(",", replyTo));
            List<String> bcc = new ArrayList<>(delivery.recipients());
            bcc.removeAll(mail.getTo());
            bcc.removeAll(mail.getCc());
            mail.setBcc(bcc);
            for (Enumeration<Header> headers = message.getAllHeaders(); headers.hasMoreElements(); ) {
                Header header = headers.nextElement();
                mail.addHeader(header.getName(), MimeUtility.unfold(header.getValue()));
            }
            readParts(message, mail);
            return mail;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a mail message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of()
                : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    /** Sets the mail's text and HTML from the first part of each kind. */
    private static void readParts(Part part, Mail mail) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && mail.getText() == null) {
            mail.setText(part.getContent().toString().replace("\r\n", "\n"));
        } else if (part.isMimeType("text/html") && mail.getHtml() == null) {
            mail.setHtml(part.getContent().toString().replace("\r\n", "\n"));
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                readParts(multipart.getBodyPart(i), mail);
            }
        }
    }
}

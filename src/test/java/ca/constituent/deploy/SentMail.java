package ca.constituent.deploy;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** A message as the SMTP server received it, read as a mail client would: Message-ID, recipients, plain text. */
record SentMail(String messageId, String to, String text) {

    static List<SentMail> parse(List<String> raw) {
        return raw.stream().map(SentMail::parse).toList();
    }

    static SentMail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            String to = Arrays.stream(message.getRecipients(MimeMessage.RecipientType.TO))
                    .map(a -> ((InternetAddress) a).getAddress()).collect(Collectors.joining(","));
            return new SentMail(message.getMessageID(), to, plainText(message));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a mail message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isLetter() {
        return messageId.startsWith("<mp-email-");
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                text.append(plainText(body));
            }
            return text.toString();
        }
        return "";
    }
}

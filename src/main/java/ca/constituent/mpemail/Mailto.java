package ca.constituent.mpemail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code mailto:} links (RFC 6068) that open a letter in the signer's own mail client. */
final class Mailto {

    private Mailto() {
    }

    static String of(String to, String subject, String body) {
        return "mailto:" + encode(to).replace("%40", "@")
                + "?subject=" + encode(subject)
                + "&body=" + encode(body.replace("\r\n", "\n").replace("\n", "\r\n"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

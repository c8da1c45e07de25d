package ca.constituent.campaign;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Share links for a campaign page, built as plain links to each service's public share intent: no third-party
 * script runs on the page, and nothing is sent anywhere until the visitor follows a link.
 */
public record Share(String url, String title, String image, String mailSubject, String mailBody) {

    public String email() {
        return "mailto:?subject=" + encode(mailSubject) + "&body=" + encode(mailBody + "\r\n\r\n" + url);
    }

    public String whatsapp() {
        return "https://wa.me/?text=" + encode(title + " " + url);
    }

    public String facebook() {
        return "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
    }

    public String bluesky() {
        return "https://bsky.app/intent/compose?text=" + encode(title + " " + url);
    }

    public String x() {
        return "https://x.com/intent/post?text=" + encode(title) + "&url=" + encode(url);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

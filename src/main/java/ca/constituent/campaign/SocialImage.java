package ca.constituent.campaign;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The social preview image of a campaign (Open Graph, Twitter card): 1200 × 630 PNG with the title and a call to
 * sign in the page's language, drawn by the app so that every campaign has one. Cached by its text, so an edited
 * title gets a new image. Where the JVM has no fonts, the image is the plain campaign colour rather than an error.
 */
@ApplicationScoped
class SocialImage {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    private static final Color GREEN = new Color(0x1a, 0x5c, 0x3a);
    private static final int MARGIN = 80;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    byte[] png(String title, String call, String organiser) {
        if (cache.size() > 200) {
            cache.clear();
        }
        return cache.computeIfAbsent(title + "\n" + call + "\n" + organiser, k -> draw(title, call, organiser));
    }

    private static byte[] draw(String title, String call, String organiser) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(GREEN);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 68));
            int y = MARGIN + 60;
            for (String line : wrap(g.getFontMetrics(), title, 4)) {
                g.drawString(line, MARGIN, y);
                y += 84;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            g.drawString(organiser, MARGIN, HEIGHT - MARGIN - 70);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.fillRect(MARGIN, HEIGHT - MARGIN - 36, 12, 44);
            g.drawString(call, MARGIN + 30, HEIGHT - MARGIN);
        } catch (RuntimeException | Error noFonts) {
            Log.warnf("Drawing the social image's text failed (%s); serving it without text",
                    noFonts.getClass().getSimpleName());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text in lines that fit the image, at most {@code max} lines, the last one cut with an ellipsis. */
    static List<String> wrap(FontMetrics metrics, String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > WIDTH - 2 * MARGIN && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        if (lines.size() > max) {
            List<String> cut = new ArrayList<>(lines.subList(0, max));
            cut.set(max - 1, cut.get(max - 1) + " …");
            return cut;
        }
        return lines;
    }
}

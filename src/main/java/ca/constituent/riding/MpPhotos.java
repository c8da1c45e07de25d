package ca.constituent.riding;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MPs' photos, fetched once from the address the riding data gives and served by the app, so that a page showing an
 * MP card makes no request to another site (which would tell it the visitor's riding). Only addresses from the
 * dataset are fetched; a photo over 512 KB or not an image is refused, and a failure is remembered for ten minutes.
 */
@ApplicationScoped
class MpPhotos {

    /** A photo as fetched, or a failure until {@code retryAfter}. */
    record Photo(byte[] bytes, String type, Instant retryAfter) {
    }

    static final int MAX_BYTES = 512 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, Photo> cache = new ConcurrentHashMap<>();

    /** The photo at the dataset's address, or empty when it could not be fetched. Blocks up to a few seconds. */
    Optional<Photo> photo(String url) {
        Photo known = cache.get(url);
        if (known == null || (known.bytes() == null && Instant.now().isAfter(known.retryAfter()))) {
            known = fetch(url);
            cache.put(url, known);
        }
        return known.bytes() == null ? Optional.empty() : Optional.of(known);
    }

    private Photo fetch(String url) {
        Photo failed = new Photo(null, null, Instant.now().plus(Duration.ofMinutes(10)));
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200 || !type.matches("image/(jpeg|png|webp|gif)(;.*)?")) {
                    Log.warnf("MP photo fetch answered %d (%s)", response.statusCode(), type);
                    return failed;
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                return bytes.length > MAX_BYTES ? failed : new Photo(bytes, type.replaceAll(";.*", ""), null);
            }
        } catch (IOException | IllegalArgumentException e) {
            Log.warnf("MP photo fetch failed (%s)", e.getClass().getSimpleName());
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed;
        }
    }
}

import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sustained signature intake for the fault scripts, on loopback: THREADS clients post unique signatures for SECONDS
 * (each request from its own address behind the app's trusted loopback proxy) and log every answer, one line each: {@code epochMillis status latencyMillis wellFormed503 email}. {@code status}
 * is the HTTP status, {@code timeout} (no answer within the client's timeout) or {@code error} (no connection).
 * {@code wellFormed503} is 1 when a 503 is problem+json with Retry-After in the signer's language (fr), else 0.
 * The script checks that every logged 202 has its row. Run with:
 * java bench/IntakeLoad.java BASE_URL SECONDS THREADS LOGFILE TAG [CLIENT_TIMEOUT_SECONDS=10]
 * It stops after SECONDS, or earlier once a file LOGFILE.stop exists, always after the answers in flight.
 */
public class IntakeLoad {

    private static final String[] POSTAL_CODES = {"K1A 0A6", "B3H 1A1", "M5V 3L9", "V6B 1A1", "T2P 1A1",
            "H2X 1Y4", "R3C 1A1", "S4P 1A1"};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/campaigns/end-ice-complicity/signatures");
        long until = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        int threads = Integer.parseInt(args[2]);
        String tag = args[4];
        Duration timeout = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 10);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Path stop = Path.of(args[3] + ".stop");
        try (PrintWriter log = new PrintWriter(new BufferedWriter(new FileWriter(args[3], StandardCharsets.UTF_8)),
                true)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> post(client, uri, timeout, until, stop, tag, thread, log));
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
    }

    private static void post(HttpClient client, URI uri, Duration timeout, long until, Path stop, String tag,
                             int thread, PrintWriter log) {
        String prefix = tag + "-" + thread;
        for (int i = 0; System.currentTimeMillis() < until && !Files.exists(stop); i++) {
            String email = "f-" + prefix + "-" + i + "@bench.example.ca";
            String body = "{\"firstName\":\"Fault\",\"lastName\":\"Signer\",\"email\":\"" + email
                    + "\",\"postalCode\":\"" + POSTAL_CODES[i % POSTAL_CODES.length] + "\",\"language\":\"fr\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept-Language", "fr-CA")
                    .header("X-Forwarded-For", "100." + (64 + (thread % 64)) + "." + (i / 256 % 256) + "." + i % 256)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.currentTimeMillis();
            String status;
            int wellFormed = 0;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = Integer.toString(response.statusCode());
                wellFormed = response.statusCode() == 503 && wellFormed503(response) ? 1 : 0;
            } catch (HttpTimeoutException e) {
                status = "timeout";
            } catch (IOException e) {
                status = "error";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long end = System.currentTimeMillis();
            synchronized (log) {
                log.println(end + " " + status + " " + (end - start) + " " + wellFormed + " " + email);
            }
            if (status.equals("error")) {
                pause(100);
            }
        }
    }

    private static boolean wellFormed503(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.headers().firstValue("Retry-After").isPresent()
                && response.headers().firstValue("Content-Language").orElse("").equals("fr")
                && response.body().contains("\"status\":503");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

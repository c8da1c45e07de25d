import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate signature intake (what wrk2 does, which Debian does not package): offers RATE signatures a second on
 * a fixed schedule, whatever the answers, and measures each latency from the time the request was DUE, not from the
 * time it was sent. A stalled server therefore shows in the figures as the wait of every request scheduled behind
 * the stall (no coordinated omission), where a closed-loop client such as wrk would simply send less.
 * <p>
 * Each signature is unique, from its own IPv6 client address behind the app's trusted loopback proxy, as
 * {@code bench/signatures.lua} sends them: every rate limit is counted, none is reached. A warm-up of WARMUP seconds
 * at the same rate comes first and is not counted. Prints one line:
 * {@code RESULT constant_rate offered_per_s=.. answered_per_s=.. ok_202=.. errors=.. p50_ms=.. p99_ms=.. p999_ms=..
 * max_ms=..}. Run with: {@code java bench/ConstantRate.java BASE_URL SECONDS [RATE=1000] [WARMUP=5]}
 */
public class ConstantRate {

    private static final String[] POSTAL_CODES = {"K1A 0A6", "B3H 1A1", "M5V 3L9", "V6B 1A1", "T2P 1A1",
            "H2X 1Y4", "R3C 1A1", "S4P 1A1"};
    /** Requests in flight at most; beyond it the schedule waits, and that wait counts in the latencies. */
    private static final int MAX_IN_FLIGHT = 2000;

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/campaigns/end-ice-complicity/signatures");
        int seconds = Integer.parseInt(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Unique per process: a 16-bit group of every client address, and part of every email
        String run = Long.toHexString(System.nanoTime() & 0xffff | 0x10000).substring(1);
        if (warmup > 0) {
            offer(client, uri, rate, warmup * rate, run, 1);
        }
        Result result = offer(client, uri, rate, seconds * rate, run, 2);
        long[] latencies = result.latencies();
        Arrays.sort(latencies);
        System.out.printf("RESULT constant_rate offered_per_s=%d answered_per_s=%.0f ok_202=%d errors=%d "
                        + "p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                rate, latencies.length / result.seconds(), result.accepted(), result.errors(),
                percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 99.9),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    }

    record Result(long[] latencies, int accepted, int errors, double seconds) {
    }

    /** Sends {@code count} signatures, the i-th due at start + i / rate; latency = answer time - due time. */
    private static Result offer(HttpClient client, URI uri, int rate, int count, String run, int phase)
            throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            inFlight.acquire();
            int index = i;
            client.sendAsync(request(uri, run, phase, i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - due;
                        if (failure == null && response.statusCode() == 202) {
                            accepted.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        inFlight.release();
                        done.countDown();
                    });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.out.println("WARNING: answers still missing 60 s after the last request was due");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, accepted.get(), errors.get(), seconds);
    }

    private static HttpRequest request(URI uri, String run, int phase, int i) {
        String email = "c-" + run + "-" + phase + "-" + i + "@bench.example.ca";
        String body = "{\"firstName\":\"Rate\",\"lastName\":\"Signer\",\"email\":\"" + email
                + "\",\"postalCode\":\"" + POSTAL_CODES[i % POSTAL_CODES.length] + "\",\"language\":\"fr\"}";
        String address = "fd01:" + run + ":" + phase + "::"
                + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept-Language", "fr-CA")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate signature intake (what wrk2 does, which Debian does not package): offers RATE signatures a second on
 * a fixed schedule, whatever the answers, and measures each latency from the time the request was DUE, not from the
 * time it was sent. A stalled server therefore shows in the figures as the wait of every request scheduled behind
 * the stall (no coordinated omission), where a closed-loop client such as wrk would simply send less.
 * <p>
 * Like wrk2 it keeps a fixed pool of CONNECTIONS keep-alive connections (default 64), each served by one thread: the
 * i-th request is due at start + i / RATE and is sent by the next free connection as soon as it is due. When every
 * connection is busy past a due time, the request leaves late and its lateness counts in its latency. The requests are
 * formatted before the run, so the generator spends its CPU on sending (the JDK's HttpClient, used before, opened a
 * connection per request in flight and cost the app's two cores more than the app did).
 * <p>
 * Each signature is unique, from its own IPv6 client address behind the app's trusted loopback proxy, as
 * {@code bench/signatures.lua} sends them: every rate limit is counted, none is reached. A warm-up of WARMUP seconds
 * at the same rate comes first and is not counted. Prints one line:
 * {@code RESULT constant_rate offered_per_s=.. answered_per_s=.. ok_202=.. errors=.. p50_ms=.. p99_ms=.. p999_ms=..
 * max_ms=..}. Run with: {@code java bench/ConstantRate.java BASE_URL SECONDS [RATE=1000] [WARMUP=5] [CONNECTIONS=64]}
 */
public class ConstantRate {

    private static final String PATH = "/api/campaigns/end-ice-complicity/signatures";
    private static final String[] POSTAL_CODES = {"K1A 0A6", "B3H 1A1", "M5V 3L9", "V6B 1A1", "T2P 1A1",
            "H2X 1Y4", "R3C 1A1", "S4P 1A1"};

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        InetSocketAddress server = new InetSocketAddress(base.getHost(), base.getPort());
        // Unique per process: a 16-bit group of every client address, and part of every email
        String run = Long.toHexString(System.nanoTime() & 0xffff | 0x10000).substring(1);
        if (warmup > 0) {
            new Phase(server, run, 1, rate, warmup * rate).run(connections);
        }
        Phase measured = new Phase(server, run, 2, rate, seconds * rate);
        double elapsed = measured.run(connections);
        long[] latencies = Arrays.stream(measured.latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("RESULT constant_rate offered_per_s=%d answered_per_s=%.0f ok_202=%d errors=%d "
                        + "p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f connections=%d%n",
                rate, latencies.length / elapsed, measured.accepted.get(), measured.errors.get(),
                percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 99.9),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, connections);
    }

    /** {@code count} requests on the schedule; the latency of request i is its answer time - its due time. */
    static final class Phase {
        final InetSocketAddress server;
        final byte[][] requests;
        final long[] latencies;
        final long interval;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        long start;

        Phase(InetSocketAddress server, String run, int phase, int rate, int count) {
            this.server = server;
            this.interval = 1_000_000_000L / rate;
            this.requests = new byte[count][];
            this.latencies = new long[count];
            Arrays.fill(latencies, -1);
            String host = server.getHostString() + ":" + server.getPort();
            for (int i = 0; i < count; i++) {
                requests[i] = request(host, run, phase, i);
            }
        }

        /** Runs on {@code connections} threads; returns the seconds from the first due time to the last answer. */
        double run(int connections) throws InterruptedException {
            Thread[] workers = new Thread[connections];
            start = System.nanoTime() + 50_000_000L; // the threads are up and connected by then
            for (int c = 0; c < connections; c++) {
                workers[c] = new Thread(this::work, "rate-" + c);
                workers[c].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            return (System.nanoTime() - start) / 1e9;
        }

        private void work() {
            Connection connection = null;
            for (int i = next.getAndIncrement(); i < requests.length; i = next.getAndIncrement()) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    if (connection == null) {
                        connection = new Connection(server);
                    }
                    int status = connection.exchange(requests[i]);
                    latencies[i] = System.nanoTime() - due;
                    (status == 202 ? accepted : errors).incrementAndGet();
                    if (connection.closed) {
                        connection = Connection.close(connection);
                    }
                } catch (IOException e) {
                    latencies[i] = System.nanoTime() - due;
                    errors.incrementAndGet();
                    connection = Connection.close(connection);
                }
            }
            Connection.close(connection);
        }
    }

    /** One HTTP/1.1 keep-alive connection: writes a formatted request, reads the status and skips the body. */
    static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        /** The server said it closes this connection after its answer. */
        boolean closed;

        Connection(InetSocketAddress server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return status;
        }

        private long chunkSize() throws IOException {
            return Long.parseLong(line().trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        static Connection close(Connection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection: nothing left to do
                }
            }
            return null;
        }
    }

    private static byte[] request(String host, String run, int phase, int i) {
        String email = "c-" + run + "-" + phase + "-" + i + "@bench.example.ca";
        String body = "{\"firstName\":\"Rate\",\"lastName\":\"Signer\",\"email\":\"" + email
                + "\",\"postalCode\":\"" + POSTAL_CODES[i % POSTAL_CODES.length] + "\",\"language\":\"fr\"}";
        String address = "fd01:" + run + ":" + phase + "::"
                + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Accept-Language: fr-CA\r\nX-Forwarded-For: " + address + "\r\nContent-Length: " + content.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}

package ca.constituent.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app (target/quarkus-app/quarkus-run.jar) as its own java process in the prod profile, configured by
 * environment variables as a pod is. Its output goes to target/it-logs/NAME.log.
 *
 * <p>It binds its HTTP and management ports itself (port 0), and they are read from its start-up line. Ports chosen
 * free here and bound by the app seconds later were sometimes taken in between by another process (failsafe runs
 * two ITs at once, and another build may run beside): the app then stopped with "Port … seems to be in use".
 */
final class AppProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("quarkus.app.jar", "target/quarkus-app/quarkus-run.jar"));
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Quarkus' start-up line: "… Listening on: http://127.0.0.1:N. Management interface listening on http://…:M." */
    static final Pattern LISTENING = Pattern.compile(
            "Listening on: http://[^:/\\s]+:(\\d+)\\. Management interface listening on http://[^:/\\s]+:(\\d+)\\.");

    final String name;
    /** The ports the app bound, known once {@link #awaitReady} has returned. */
    volatile int httpPort;
    volatile int managementPort;
    final Path log;
    private Process process;

    AppProcess(String name) {
        this.name = name;
        this.log = Path.of("target", "it-logs", name + ".log");
    }

    /**
     * Starts the app with the variables a pod gets from its ConfigMap and Secret ({@code env}); {@code -Dkey=value}
     * options shorten the schedules for the test. Returns at once: see {@link #awaitReady}.
     */
    AppProcess start(Map<String, String> env, List<String> jvmOptions) {
        return start(env, jvmOptions, List.of());
    }

    /**
     * Runs the app with program arguments (such as {@code admin help}) until it exits; returns its exit code, or fails
     * after {@code limit}. Its output is in {@link #log}.
     */
    int run(Map<String, String> env, List<String> jvmOptions, List<String> arguments, Duration limit)
            throws InterruptedException {
        start(env, jvmOptions, arguments);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + limit + "; see " + log);
        }
        return process.exitValue();
    }

    private AppProcess start(Map<String, String> env, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0",
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=0"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            // Links in mails: the tests read their paths, never their origin (the port is not known yet).
            builder.environment().put("PUBLIC_BASE_URL", "http://127.0.0.1");
            // Two cold JVMs migrating and loading data at once on a shared two-core machine: the 3 s production wait
            // for a pooled connection is about failing fast under load, not what this test checks.
            builder.environment().putIfAbsent("DB_ACQUISITION_TIMEOUT", "60S");
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the readiness check on the management port answers 200. */
    void awaitReady(Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (managementPort == 0) {
                    readPorts();
                }
                if (managementPort != 0 && get(managementPort, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready within " + timeout + "; see " + log);
    }

    /** Reads the ports from the start-up line, once the app has written it. */
    private void readPorts() throws IOException {
        Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (listening.find()) {
            httpPort = Integer.parseInt(listening.group(1));
            managementPort = Integer.parseInt(listening.group(2));
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(httpPort, path);
    }

    HttpResponse<String> post(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** A request to {@code path} on the http port, to complete with its method, headers and body. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM, as the kubelet does; returns how long the process took to exit, or fails after the limit. */
    Duration terminate(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + limit + " of SIGTERM; see " + log);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Distinct free ports: each socket stays open until all are chosen, so no two are the same. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that accepted nothing
                }
            }
        }
    }
}

package ca.constituent.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.constituent.support.ScriptedSmtpServer;
import io.quarkus.mailer.Mail;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport never loses a server's greeting: bursts of mails through a small pool whose cleaner runs every
 * millisecond, the setting that made a greeting-less stall likely (see {@link MailTransport}'s class comment). The
 * mail client is created on the test's thread, as Quarkus creates its own at startup. A stall is a matter of timing,
 * so the test also checks its cause, which is not: every connection must be opened on one thread, the transport's.
 */
class MailTransportStallTest {

    static final int ROUNDS = 300;
    static final int BURST = 20;

    /** The threads on which the mail client's connections were opened (each socket lives on that event loop). */
    final Set<String> connectingThreads = ConcurrentHashMap.newKeySet();

    final Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(true)
            .setFactory(options -> new VertxMetrics() {
                @Override
                public TCPMetrics<?> createNetClientMetrics(NetClientOptions client) {
                    return new TCPMetrics<Void>() {
                        @Override
                        public Void connected(SocketAddress remote, String remoteName) {
                            connectingThreads.add(Thread.currentThread().getName());
                            return null;
                        }
                    };
                }
            })));

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aBurstThroughAPoolWhoseCleanerRunsEveryMillisecondNeverWaitsForAGreeting() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(0)) {
            MailConfig settings = new MailConfig().setHostname("127.0.0.1").setPort(server.port())
                    .setStarttls(StartTLSOptions.DISABLED).setKeepAlive(true).setMaxPoolSize(2)
                    .setPoolCleanerPeriod(1).setPoolCleanerPeriodUnit(TimeUnit.MILLISECONDS)
                    .setKeepAliveTimeout(1).setKeepAliveTimeoutUnit(TimeUnit.MILLISECONDS);
            MailTransport transport = new MailTransport(vertx, MailClient.create(vertx, settings), null,
                    OutboxTest.config(BURST), Optional.of(false), "from@example.org");
            int stalled = 0;
            for (int round = 0; round < ROUNDS && stalled == 0; round++) {
                List<CompletableFuture<Void>> sends = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    sends.add(transport.send(Mail.withText("to@example.org", "round " + round, "mail " + i)));
                }
                for (CompletableFuture<Void> send : sends) {
                    try {
                        send.get(5, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        stalled++;
                    }
                }
            }
            transport.close();
            assertEquals(1, connectingThreads.size(), "threads the connections were opened on: " + connectingThreads);
            assertEquals(0, stalled, "sends that waited over 5 s for the server (the test stops at the first)");
            assertEquals(ROUNDS * BURST, server.received());
        }
    }

    @Test
    void aSendThatIsNeverGreetedTimesOutAndGivesItsConnectionBack() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent(0)) {
            MailConfig settings = new MailConfig().setHostname("127.0.0.1").setPort(server.port())
                    .setStarttls(StartTLSOptions.DISABLED).setKeepAlive(true).setMaxPoolSize(1);
            MailTransport transport = new MailTransport(vertx, MailClient.create(vertx, settings), null,
                    OutboxTest.config(1, Duration.ofSeconds(1)), Optional.of(false), "from@example.org");
            CompletableFuture<Void> wedged = transport.send(Mail.withText("to@example.org", "first", "never greeted"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> wedged.get(10, TimeUnit.SECONDS));
            assertInstanceOf(java.util.concurrent.TimeoutException.class, failure.getCause());

            server.speak();
            long start = System.nanoTime();
            transport.send(Mail.withText("to@example.org", "second", "greeted")).get(10, TimeUnit.SECONDS);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            transport.close();
            assertEquals(1, server.received());
            assertTrue(waitedMillis < 5_000, "the next mail waited " + waitedMillis + " ms for the pool's one slot");
        }
    }

    @Test
    void aRefusedConnectionFailsTheSendAtOnce() throws Exception {
        int closedPort;
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = taken.getLocalPort();
        }
        MailConfig settings = new MailConfig().setHostname("127.0.0.1").setPort(closedPort)
                .setStarttls(StartTLSOptions.DISABLED);
        MailTransport transport = new MailTransport(vertx, MailClient.create(vertx, settings), null,
                OutboxTest.config(1, Duration.ofSeconds(30)), Optional.of(false), "from@example.org");
        long start = System.nanoTime();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> transport
                .send(Mail.withText("to@example.org", "refused", "nobody listens")).get(10, TimeUnit.SECONDS));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        transport.close();
        assertTrue(failure.getCause() instanceof java.net.ConnectException
                || String.valueOf(failure.getCause().getMessage()).contains("refused"), failure.getCause().toString());
        assertTrue(waitedMillis < 5_000, "a refused connection took " + waitedMillis + " ms to fail");
    }
}

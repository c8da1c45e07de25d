package ca.constituent.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The loopback port the test configuration points the mailer at, held open from first use until the JVM exits.
 *
 * <p>Each test used to bind its own SMTP server to one fixed port and close it afterwards. Between two tests the port
 * was free, and any outgoing connection (Chromium's to the app, a database pool's) could be given it as its local
 * port from the ephemeral range; the next test's bind then failed with "Address already in use" (seen in CI, in
 * PagesBrowserTest). Now the port never closes: each connection to it is forwarded to the server the running test
 * started ({@link #forwardTo}); with none, to the application's default server, the one {@link Mailbox} reads; and
 * after {@link #down()}, or while there is no default server, it is answered {@code 421} and closed, as by a relay
 * that is down.
 *
 * <p>Not a reset: vertx-mail-client 4.5 sets no error handler on a connection until the server's greeting has come,
 * so a connection reset or closed before its greeting leaves the send waiting until the outbox's send timeout (21 of
 * 200 sends did, in a quick check). Real relays greet before they hang up; a refused connection fails at once.
 *
 * <p>Quarkus loads test classes in more than one class loader, so the state is kept in three system properties
 * (strings: Narayana, for one, reads every system property as one), and the forwarding threads run only JDK code and
 * the classes here, loaded up front.
 */
public final class SmtpPort {

    /** The port held. */
    private static final String HELD = "scripted-smtp.port";
    /** The port connections are forwarded to, {@link #DOWN} for none, or {@link #DEFAULT} for the default server's. */
    private static final String TARGET = "scripted-smtp.target";
    /** The default server's port, "0" for none. */
    private static final String DEFAULT_PORT = "scripted-smtp.default";
    private static final String DOWN = "down";
    private static final String DEFAULT = "default";

    /** The port to configure the mailer with. */
    public static final int PORT =
            Integer.parseInt((String) System.getProperties().computeIfAbsent(HELD, k -> Front.open()));

    private SmtpPort() {
    }

    /** From now on, connections go to the server listening on loopback {@code port}. */
    public static void forwardTo(int port) {
        System.setProperty(TARGET, String.valueOf(port));
    }

    /**
     * From now on, connections go to the default server, unless another server has taken over since {@code port} was
     * set.
     */
    public static void stopForwardingTo(int port) {
        System.getProperties().replace(TARGET, String.valueOf(port), DEFAULT);
    }

    /** From now on, connections are answered {@code 421}, as by a relay that is down, until {@link #backToDefault()}. */
    public static void down() {
        System.setProperty(TARGET, DOWN);
    }

    /** From now on, connections go to the default server, whichever server had them. */
    public static void backToDefault() {
        System.setProperty(TARGET, DEFAULT);
    }

    /** Makes the server on loopback {@code port} the default one. */
    static void serveByDefault(int port) {
        System.setProperty(DEFAULT_PORT, String.valueOf(port));
    }

    /** No default server any more, unless another has taken over since {@code port} was made the default. */
    static void stopServingByDefault(int port) {
        System.getProperties().replace(DEFAULT_PORT, String.valueOf(port), "0");
    }

    /** The port connections go to now, 0 for none. */
    private static int target() {
        String target = System.getProperty(TARGET, DOWN);
        if (DEFAULT.equals(target)) {
            target = System.getProperty(DEFAULT_PORT, "0");
        }
        return DOWN.equals(target) ? 0 : Integer.parseInt(target);
    }

    /** Accepts on the held port and joins each connection to the current server's, or answers it as one down. */
    private static final class Front implements Runnable {
        private static final byte[] REFUSAL = "421 4.3.2 Scripted relay down, try again later\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final ServerSocket socket;

        private Front(ServerSocket socket) {
            this.socket = socket;
        }

        /** Binds a free port, starts accepting, and gives the port. */
        static String open() {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
                System.setProperty(TARGET, DEFAULT);
                Class<?> loadedNow = Pipe.class;
                Thread thread = new Thread(new Front(socket), "smtp-port-" + loadedNow.getSimpleName());
                thread.setDaemon(true);
                thread.start();
                return String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void run() {
            while (true) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    continue;
                }
                int target = target();
                Socket server = null;
                if (target != 0) {
                    try {
                        server = new Socket(InetAddress.getLoopbackAddress(), target);
                    } catch (IOException e) {
                        // the test's server has just closed: the relay is down
                    }
                }
                if (server == null) {
                    down(client);
                } else {
                    Pipe.start(client, server);
                    Pipe.start(server, client);
                }
            }
        }

        /** Answers as a relay that is down, then hangs up. */
        private static void down(Socket client) {
            try (client) {
                client.getOutputStream().write(REFUSAL);
            } catch (IOException e) {
                // the client went away first
            }
        }
    }

    /** Copies one direction of a forwarded connection; when either side ends, closes both. */
    private static final class Pipe implements Runnable {
        private final Socket from;
        private final Socket to;

        private Pipe(Socket from, Socket to) {
            this.from = from;
            this.to = to;
        }

        static void start(Socket from, Socket to) {
            Thread thread = new Thread(new Pipe(from, to), "smtp-port-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) != -1) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}

package ca.constituent.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small SMTP server on loopback for the mail tests, and the one every test's mail goes to by default
 * ({@link Mailbox}): it either accepts every message (and records it with its recipients) or refuses every recipient
 * with 550, as a mailbox that does not exist would. One thread per connection, greeting at once.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;
    private final java.util.List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final String recipientReply;
    /** Whether it serves {@link SmtpPort#PORT}, through the held port's forwarding, rather than a port of its own. */
    private final boolean behindSmtpPort;
    private volatile boolean greets = true;
    private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.List<Delivery> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A message accepted, with the addresses of the RCPT commands before it (Bcc recipients included). */
    public record Delivery(java.util.List<String> recipients, String message) {
    }

    private ScriptedSmtpServer(int port, String recipientReply) throws IOException {
        this.recipientReply = recipientReply;
        behindSmtpPort = port != 0 && port == SmtpPort.PORT;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), behindSmtpPort ? 0 : port), 50);
        if (behindSmtpPort) {
            SmtpPort.forwardTo(socket.getLocalPort());
        }
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Accepts every message. */
    public static ScriptedSmtpServer accepting(int port) throws IOException {
        return new ScriptedSmtpServer(port, "250 OK");
    }

    /** Refuses every recipient with 550. */
    public static ScriptedSmtpServer rejecting(int port) throws IOException {
        return new ScriptedSmtpServer(port, "550 5.1.1 No such mailbox");
    }

    /** Accepts connections but never greets them, as a wedged relay would; {@link #speak()} ends that. */
    public static ScriptedSmtpServer silent(int port) throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer(port, "250 OK");
        server.greets = false;
        return server;
    }

    /** From now on, new connections are greeted and their mails accepted. */
    public void speak() {
        greets = true;
    }

    /** Messages accepted so far. */
    public int received() {
        return received.get();
    }

    /**
     * The messages accepted so far, each as sent (headers and body, CRLF line ends, dot-stuffing undone, one char
     * per byte).
     */
    public java.util.List<String> messages() {
        return deliveries.stream().map(Delivery::message).toList();
    }

    /** The messages accepted so far, with their recipients, oldest first. */
    public java.util.List<Delivery> deliveries() {
        return java.util.List.copyOf(deliveries);
    }

    /** Forgets the messages accepted so far. */
    public void clear() {
        deliveries.clear();
        received.set(0);
    }

    /** The port it listens on (the one asked for, or a free one for port 0 and for {@link SmtpPort#PORT}). */
    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread conversation = new Thread(() -> {
                    try (client) {
                        converse(client);
                    } catch (IOException e) {
                        // the client went away
                    }
                }, "scripted-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = client.getOutputStream();
        if (!greets) {
            while (client.getInputStream().read() != -1) {
                // say nothing until the client gives up
            }
            return;
        }
        write(out, "220 scripted.localhost ESMTP");
        String line;
        java.util.List<String> recipients = new java.util.ArrayList<>();
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                write(out, "250 scripted.localhost");
            } else if (command.startsWith("MAIL")) {
                recipients = new java.util.ArrayList<>();
                write(out, "250 OK");
            } else if (command.startsWith("RCPT")) {
                recipients.add(address(line));
                write(out, recipientReply);
            } else if (command.startsWith("DATA")) {
                write(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder message = new StringBuilder();
                String data;
                while ((data = in.readLine()) != null && !data.equals(".")) {
                    message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                }
                deliveries.add(new Delivery(java.util.List.copyOf(recipients), message.toString()));
                received.incrementAndGet();
                write(out, "250 OK queued");
            } else if (command.startsWith("QUIT")) {
                write(out, "221 Bye");
                return;
            } else {
                write(out, "250 OK");
            }
        }
    }

    /** The address of a {@code RCPT TO:<address>} command. */
    private static String address(String command) {
        String argument = command.substring(command.indexOf(':') + 1).trim();
        return argument.startsWith("<") && argument.endsWith(">") ? argument.substring(1, argument.length() - 1)
                : argument;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (behindSmtpPort) {
            SmtpPort.stopForwardingTo(socket.getLocalPort());
        }
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}

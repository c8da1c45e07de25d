import java.io.BufferedReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal SMTP sink for the benchmarks, on loopback: accepts every message and appends its Message-ID to a log, so
 * a script can count deliveries and duplicates. Run with: java bench/SmtpSink.java PORT LOGFILE
 */
public class SmtpSink {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        PrintWriter log = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8), true);
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = server.accept();
                Thread thread = new Thread(() -> converse(client, log));
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void converse(Socket client, PrintWriter log) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 sink.localhost ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-sink.localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String messageId = "-";
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        if (data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = data.substring(11).trim();
                        }
                    }
                    synchronized (log) {
                        log.println(messageId);
                    }
                    reply(out, "250 OK queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}

package org.paperwire.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A local SMTP server that accepts every mail and keeps none (like postfix's {@code smtp-sink}), for
 * {@code bench digest} and tests: plain SMTP on the loopback address, many sessions at once, an optional delay
 * before each message is acknowledged (a slow server) and an optional consumer of the raw messages.
 */
public final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong accepted = new AtomicLong();
    private final Duration delay;
    private final Consumer<byte[]> consumer;
    private final UnaryOperator<String> rcptReply;

    public SmtpSink(Duration delay, Consumer<byte[]> consumer) throws IOException {
        this(delay, consumer, rcpt -> "250 ok");
    }

    /**
     * @param rcptReply the reply to each {@code RCPT TO:} line, e.g. "451 4.3.0 try later" or "550 5.1.1 no
     *     such user" for a test of failures; "250 ok" accepts
     */
    public SmtpSink(Duration delay, Consumer<byte[]> consumer, UnaryOperator<String> rcptReply)
            throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.delay = delay;
        this.consumer = consumer;
        this.rcptReply = rcptReply;
        Thread.ofVirtual().name("smtp-sink").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages acknowledged with 250 so far. */
    public long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.submit(() -> session(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 localhost smtp-sink ready");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "RCPT" -> reply(out, rcptReply.apply(line));
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        byte[] message = readData(in);
                        if (message == null) {
                            return; // the client went away mid-message: like any SMTP server, keep nothing
                        }
                        if (!delay.isZero()) {
                            Thread.sleep(delay);
                        }
                        if (consumer != null) {
                            consumer.accept(message);
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 ok queued");
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    /** The message up to the lone dot, or null when the connection ends before it. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream(16 * 1024);
        String line;
        while (true) {
            line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.equals(".")) {
                break;
            }
            String unstuffed = line.startsWith(".") ? line.substring(1) : line;
            message.write(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
            message.write('\r');
            message.write('\n');
        }
        return message.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdownNow();
    }
}

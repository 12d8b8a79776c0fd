package org.paperwire.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
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
        try (socket; InputStream stream = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            Lines in = new Lines(stream);
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

    private static String readLine(Lines in) throws IOException {
        return in.next() ? new String(in.line, 0, in.length, StandardCharsets.ISO_8859_1) : null;
    }

    /** The message up to the lone dot, or null when the connection ends before it. */
    private static byte[] readData(Lines in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream(16 * 1024);
        while (in.next()) {
            if (in.length == 1 && in.line[0] == '.') {
                return message.toByteArray();
            }
            int stuffed = in.length > 0 && in.line[0] == '.' ? 1 : 0;
            message.write(in.line, stuffed, in.length - stuffed);
            message.write('\r');
            message.write('\n');
        }
        return null;
    }

    /**
     * The lines of a session, read through a buffer of its own and scanned for their ends an array at a time: read
     * a byte at a time, the sink took about as much CPU as building the digests it received in {@code bench digest},
     * on the same cores.
     */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int end;
        /** The last line read, without its line end (CR LF, or a lone LF). */
        byte[] line = new byte[1024];
        int length;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Reads the next line; false when the stream ends before a line does. */
        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (pos == end) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n <= 0) {
                        pos = end = 0;
                        return false;
                    }
                    pos = 0;
                    end = n;
                }
                int at = pos;
                while (at < end && buffer[at] != '\n') {
                    at++;
                }
                append(at - pos);
                if (at < end) {
                    pos = at + 1;
                    if (length > 0 && line[length - 1] == '\r') {
                        length--;
                    }
                    return true;
                }
                pos = end;
            }
        }

        private void append(int n) {
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buffer, pos, line, length, n);
            length += n;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdownNow();
    }
}

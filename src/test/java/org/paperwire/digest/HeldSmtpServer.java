package org.paperwire.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.paperwire.config.ConfigSources;
import org.paperwire.mail.SmtpSink;
import org.paperwire.web.TestServer;

/**
 * A slow SMTP server the test controls: it takes each message and holds back its "250" until {@link #answer()},
 * so a test can order what happens against the moment the server accepts (latches, not clocks).
 */
final class HeldSmtpServer implements AutoCloseable {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final SmtpSink sink;

    HeldSmtpServer() throws IOException {
        sink = new SmtpSink(Duration.ZERO, this::hold);
    }

    private void hold(byte[] raw) {
        received.add(new String(raw, StandardCharsets.ISO_8859_1));
        arrived.countDown();
        try {
            answer.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return sink.port();
    }

    /** Test settings over {@code dir} that send mail to this server. */
    ConfigSources settings(Path dir) {
        return TestServer.mailingTo(TestServer.settings(dir), port());
    }

    /** Whether a message reached the server (and waits for its answer) within 30 s. */
    boolean awaitArrival() throws InterruptedException {
        return arrived.await(30, TimeUnit.SECONDS);
    }

    boolean answered() {
        return answer.getCount() == 0;
    }

    /** From now on the server says "250" to what it holds and to every further message. */
    void answer() {
        answer.countDown();
    }

    /** The messages received, as text, in order. */
    List<String> received() {
        return received;
    }

    /** Messages acknowledged with 250. */
    long accepted() {
        return sink.accepted();
    }

    @Override
    public void close() throws IOException {
        answer.countDown();
        sink.close();
    }
}

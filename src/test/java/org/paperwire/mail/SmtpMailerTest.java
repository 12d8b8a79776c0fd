package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.paperwire.config.PaperwireConfig.SmtpSecurity;

/**
 * The SMTP mailer against GreenMail with authentication: pooled connections carry many mails; a bad login says which
 * keys to fix; waiting for a busy pool ends after smtp.timeout.
 */
class SmtpMailerTest {
    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("digest", "s3cret"));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    MailConfig config(String password) {
        return new MailConfig("127.0.0.1", smtp.getSmtp().getPort(), "digest", password, SmtpSecurity.NONE, 2,
                Duration.ofSeconds(10), "Paperwire <digest@papers.example.org>");
    }

    static MailMessage message(int i) {
        return new MailMessage("<m" + i + "@papers.example.org>", "reader" + i + "@example.org", "Subject " + i,
                "<p>Hello " + i + "</p>", "Hello " + i, Map.of("List-Unsubscribe", "<https://papers.example.org/u>"));
    }

    @Test
    void authenticatedMailsGoThroughThePooledConnectionsWithTheirOwnMessageId() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(config("s3cret"), () -> Instant.parse("2026-06-30T12:00:00Z"))) {
            for (int i = 0; i < 5; i++) {
                mailer.send(message(i));
            }
        }
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<m0@papers.example.org>");
        assertThat(smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")).containsExactly("<https://papers.example.org/u>");
    }

    /**
     * Issue 9: with a slow server every pooled connection can be busy; a caller then waits at most
     * {@code smtp.timeout} for one and gets a temporary failure, instead of waiting without end. The server
     * below keeps the one connection busy but alive (a multi-line EHLO reply, a line every 50 ms, so no read
     * times out) until the test lets it finish.
     */
    @Test
    void waitingForABusyPooledConnectionEndsAfterTheSmtpTimeoutWithATemporaryFailure() throws Exception {
        CountDownLatch greeted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            threads.submit(() -> slowServer(server, greeted, finish));
            MailConfig one = new MailConfig("127.0.0.1", server.getLocalPort(), "", "", SmtpSecurity.NONE, 1,
                    Duration.ofMillis(500), "Paperwire <digest@papers.example.org>");
            try (SmtpMailer mailer = new SmtpMailer(one, () -> Instant.parse("2026-06-30T12:00:00Z"))) {
                Future<?> first = threads.submit(() -> {
                    mailer.send(message(1));
                    return null;
                });
                assertThat(greeted.await(30, TimeUnit.SECONDS)).as("the first send holds the connection").isTrue();
                Future<?> second = threads.submit(() -> {
                    mailer.send(message(2));
                    return null;
                });
                assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(MailException.class)
                        .cause().satisfies(e -> {
                            assertThat(((MailException) e).temporary()).isTrue();
                            assertThat(e.getMessage()).contains("smtp.timeout").contains("busy");
                        });
                assertThat(first.isDone()).as("the first send was still under way").isFalse();
                finish.countDown();
                first.get(30, TimeUnit.SECONDS);
            }
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    /** One SMTP session that answers EHLO slowly, line by line, until {@code finish}, then accepts the mail. */
    private static Void slowServer(ServerSocket server, CountDownLatch greeted, CountDownLatch finish) throws Exception {
        try (Socket socket = server.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 slow.example.org ready");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> {
                        greeted.countDown();
                        while (!finish.await(50, TimeUnit.MILLISECONDS)) {
                            reply(out, "250-slow.example.org still thinking");
                        }
                        reply(out, "250 slow.example.org");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        while (!".".equals(in.readLine())) {
                            // the message
                        }
                        reply(out, "250 ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return null;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Test
    void aRefusedLoginIsTemporaryAndNamesTheKeysToFix() {
        try (SmtpMailer mailer = new SmtpMailer(config("wrong"), () -> Instant.parse("2026-06-30T12:00:00Z"))) {
            assertThatThrownBy(() -> mailer.send(message(1))).isInstanceOfSatisfying(MailException.class, e -> {
                assertThat(e.temporary()).isTrue();
                assertThat(e.getMessage()).contains("smtp.username").contains("smtp.password").doesNotContain("wrong");
            });
        }
    }
}

package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.db.Database;
import org.paperwire.mail.MailException;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.mail.RenderedMail;
import org.paperwire.schedule.NodeId;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * Issue 9, finding 6: what the outbox promises, each against a real SMTP server (GreenMail) and the real
 * database, with an injected clock: a stale sender changes nothing, every failed attempt counts, a failed write
 * after the server's 250 never causes a second send, a resend is byte-identical, and a digest whose subscriber
 * left is never sent.
 */
class OutboxGuaranteesTest {
    static final Instant START = Instant.parse("2026-06-30T10:00:00Z");

    @TempDir
    Path dir;
    GreenMail smtp;
    MutableClock clock;
    Paperwire app;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock = new MutableClock(START);
        app = new Paperwire(config(), clock);
    }

    @AfterEach
    void stop() {
        app.close();
        smtp.stop();
    }

    PaperwireConfig config() {
        return TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.PUBLIC_URL, "https://papers.example.org")
                .with(ConfigKey.SMTP_HOST, "127.0.0.1")
                .with(ConfigKey.SMTP_PORT, Integer.toString(smtp.getSmtp().getPort()))
                .with(ConfigKey.SMTP_SECURITY, "none")
                .with(ConfigKey.MAIL_FROM, "Paperwire <digest@papers.example.org>")
                .with(ConfigKey.DIGEST_RETRY_DELAY, "PT2M")
                .with(ConfigKey.DIGEST_MAX_ATTEMPTS, "2"));
    }

    /** An active daily reader who also gets empty digests, so a digest is due without any papers. */
    Subscriber reader(String email) {
        return app.subscribers().create(email, Subscriber.Status.ACTIVE,
                new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7, ZoneOffset.UTC, false, 20),
                List.of(Topic.of(Topic.Kind.TRENDING, "")), START.minus(Duration.ofDays(1))).subscriber();
    }

    static DigestRunner.Options now() {
        return new DigestRunner.Options(false, true, null);
    }

    DigestRunner runner(DigestOutbox outbox, Mailer mailer) {
        return new DigestRunner(app.subscribers(), outbox, app.mailOutbox(), new DigestBuilder(List.of(
                TrendingSource.overall(app.trending()), TrendingSource.inCategory(app.trending()),
                new SavedSearchSource(app.search().service(), 0.69), new AuthorSource(app.search().service())),
                app.papers()), app.digestMails(), mailer, clock,
                Duration.ofMinutes(2), 2, Period.ofDays(30), DigestBatches.of(app.leases(), NodeId.create()));
    }

    @Test
    void aSenderWhoseLeaseRanOutCannotMoveTheRowThatAnotherSenderSent() {
        long id = reader("ada@example.org").id();
        MailMessage m = new MailMessage("<d@papers.example.org>", "ada@example.org", "s", "<p>h</p>", "t", Map.of());
        app.digestOutbox().add(id, "2026-06-30", m, app.mailer().render(m).bytes(), List.of(), DigestOutbox.State.DUE,
                clock.instant());
        OutboxTable rows = app.digestOutbox().table();
        assertThat(rows.claim(clock.instant(), 10, "stale", Duration.ofMinutes(15), null)).hasSize(1);
        clock.advance(Duration.ofMinutes(16)); // "stale" hangs past its lease; "fresh" takes the row over
        List<OutboxTable.Claimed> taken = rows.claim(clock.instant(), 10, "fresh", Duration.ofMinutes(15), null);
        assertThat(taken).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        assertThat(rows.markSent(taken.getFirst().id(), "fresh", clock.instant())).isTrue();

        assertThat(rows.markRetry(taken.getFirst().id(), "stale", clock.instant(), "timeout")).isFalse();
        assertThat(rows.markFailed(taken.getFirst().id(), "stale", clock.instant(), "timeout")).isFalse();
        assertThat(rows.markSent(taken.getFirst().id(), "stale", clock.instant())).isFalse();
        assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.SENT, 1L)
                .containsEntry(DigestOutbox.State.DUE, 0L);
    }

    @Test
    void anyExceptionWhileSendingCountsAsAFailedAttemptAndTheRowFailsAfterMaxAttempts() {
        reader("ada@example.org");
        Mailer broken = sendingWith(mail -> {
            throw new IllegalStateException("the connection pool was shut down");
        });
        DigestRunner runner = runner(app.digestOutbox(), broken);
        assertThat(runner.run(now()).retrying()).as("attempt 1 of 2, retried after 2 minutes").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(runner.run(DigestRunner.Options.scheduled()).failed()).as("attempt 2 of 2").isEqualTo(1);
        assertThat(app.digestOutbox().failures(10)).singleElement().satisfies(f -> {
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.error()).contains("the connection pool was shut down");
        });
        assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.IN_FLIGHT, 0L);
    }

    @Test
    void whenRecordingSentFailsAfterTheServersOkTheWriteIsRetriedAndTheDigestIsNeverSentAgain() {
        reader("ada@example.org");
        AtomicInteger failures = new AtomicInteger();
        try (Database second = Database.open(dir)) {
            // the same database, through a connection that fails the first "sent" write once
            DataSource flaky = failingOnce(second.dataSource(), "sent_at = ?", failures);
            DigestRunner runner = runner(new JdbcDigestOutbox(flaky, second.kind()), app.mailer());
            assertThat(runner.run(now()).sent()).isEqualTo(1);
            assertThat(failures).hasValue(1);
            assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.SENT, 1L)
                    .containsEntry(DigestOutbox.State.IN_FLIGHT, 0L);
            clock.advance(Duration.ofMinutes(16)); // past any lease: before the fix the row was claimed again
            runner.run(DigestRunner.Options.scheduled());
            app.digests().run(DigestRunner.Options.scheduled());
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aDigestSentAgainAfterACrashIsByteIdenticalToTheFirst() throws Exception {
        reader("ada@example.org");
        assertThat(app.digests().run(now()).sent()).isEqualTo(1);
        try (Database second = Database.open(dir); Connection c = second.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("UPDATE digest_outbox SET state = 'in_flight',"
                        + " claimed_by = '2147483646@2020-01-01T00:00:00Z', sent_at = NULL")) {
            st.executeUpdate(); // the process died between the server's 250 and its commit of 'sent'
        }
        clock.advance(Duration.ofHours(1)); // a re-rendered message would carry another Date
        assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(ours(received[1])).isEqualTo(ours(received[0])).contains("Message-ID: <digest.");
        assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.SENT, 1L);
    }

    @Test
    void aDigestBuiltBeforeAnUnsubscribeIsCancelledAndNotSentAfterSubscribingAgain() throws Exception {
        Subscriber ada = reader("ada@example.org");
        AtomicBoolean down = new AtomicBoolean(true);
        DigestRunner runner = runner(app.digestOutbox(), failingWhile(down));
        assertThat(runner.run(now()).retrying()).isEqualTo(1); // built, waiting for a retry

        String unsubscribe = app.links().unsubscribe(ada);
        app.subscriptions().unsubscribe(unsubscribe.substring(unsubscribe.indexOf("t=") + 2));
        assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.CANCELLED, 1L)
                .containsEntry(DigestOutbox.State.DUE, 0L);

        app.subscriptions().subscribe("ada@example.org", List.of(), "203.0.113.9");
        assertThat(app.subscribers().confirm(ada.id(), clock.instant())).isTrue();
        down.set(false);
        clock.advance(Duration.ofMinutes(3));
        runner.run(DigestRunner.Options.scheduled());
        app.digests().sendMails(); // the confirmation mail of the new subscription
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Confirm your Paperwire subscription");
    }

    @Test
    void pausingCancelsBuiltDigestsAndSoDoesTheClaimForASubscriberWhoLeftAnotherWay() throws Exception {
        Subscriber ada = reader("ada@example.org");
        Subscriber bob = reader("bob@example.org");
        AtomicBoolean down = new AtomicBoolean(true);
        DigestRunner runner = runner(app.digestOutbox(), failingWhile(down));
        assertThat(runner.run(now()).retrying()).isEqualTo(2);

        String manage = app.links().manage(ada);
        app.subscriptions().update(manage.substring(manage.indexOf("t=") + 2),
                new Preferences(Preferences.Frequency.PAUSED, DayOfWeek.MONDAY, 7, ZoneOffset.UTC, false, 20),
                ada.topics());
        assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.CANCELLED, 1L);
        app.subscribers().unsubscribe(bob.id()); // straight in the store: only the claim can notice

        down.set(false);
        clock.advance(Duration.ofMinutes(3));
        assertThat(runner.run(DigestRunner.Options.scheduled()).sent()).isZero();
        assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.CANCELLED, 2L)
                .containsEntry(DigestOutbox.State.DUE, 0L);
        app.subscriptions().update(manage.substring(manage.indexOf("t=") + 2), Preferences.defaults(7, ZoneOffset.UTC),
                ada.topics()); // resuming does not bring the cancelled digest back
        clock.advance(Duration.ofMinutes(3));
        assertThat(runner.run(DigestRunner.Options.scheduled()).sent()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDigestStoredBeforeItsBytesWereIsRenderedOnceFromItsTextAndSent() throws Exception {
        long id = reader("ada@example.org").id();
        try (Database second = Database.open(dir); Connection c = second.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO digest_outbox (subscriber_id, period, state,"
                        + " message_id, recipient, subject, html, text, list_unsubscribe, items, next_attempt_at,"
                        + " created_at) VALUES (?, '2026-06-30', 'due', '<old@papers.example.org>', 'ada@example.org',"
                        + " 'Old digest', '<p>old</p>', 'old', '', 0, 0, ?)")) {
            st.setLong(1, id);
            st.setLong(2, clock.instant().toEpochMilli());
            st.executeUpdate(); // as a version before V9 stored it: text, no bytes
        }
        assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Old digest");
            assertThat(m.getMessageID()).isEqualTo("<old@papers.example.org>");
        });
        assertThat(app.digestOutbox().mail(id, "2026-06-30")).isPresent();
    }

    /** The real SMTP mailer, except that it answers "try again later" while {@code down}. */
    Mailer failingWhile(AtomicBoolean down) {
        Mailer real = app.mailer();
        return sendingWith(mail -> {
            if (down.get()) {
                throw new MailException("451 4.3.0 try again later", true, 451, null);
            }
            real.send(mail);
        });
    }

    /** How a test's mailer hands over a rendered mail. */
    interface Send {
        void send(RenderedMail mail) throws MailException;
    }

    /** A mailer that renders like the real one and sends with {@code send}, one mail at a time. */
    Mailer sendingWith(Send send) {
        Mailer real = app.mailer();
        return new Mailer() {
            @Override
            public RenderedMail render(MailMessage message) {
                return real.render(message);
            }

            @Override
            public void send(RenderedMail mail) throws MailException {
                send.send(mail);
            }

            @Override
            public int concurrency() {
                return 1;
            }

            @Override
            public String describe() {
                return "a test's mailer";
            }

            @Override
            public void close() {}
        };
    }

    /** The message as we sent it: without the trace headers the receiving server puts on top (RFC 5321 4.4). */
    static String ours(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1)
                .replaceAll("(?m)^(Received|Return-Path):.*\\r\\n(?:[ \\t].*\\r\\n)*", "");
    }

    /** {@code db}, except that the first statement containing {@code sql} fails once with an SQLException. */
    static DataSource failingOnce(DataSource db, String sql, AtomicInteger failures) {
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = invoke(method, db, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection c = (Connection) result;
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                        if (m.getName().equals("prepareStatement") && ((String) a[0]).contains(sql)
                                && failures.compareAndSet(0, 1)) {
                            throw new SQLException("database is locked (injected once by the test)");
                        }
                        return invoke(m, c, a);
                    });
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                connections);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

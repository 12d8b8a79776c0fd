package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.mail.MailException;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.mail.Mailers;
import org.paperwire.mail.RenderedMail;
import org.paperwire.schedule.NodeId;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * Issue 11, "digests run once, wherever they run": two nodes (two {@link DigestRunner}s with their own names and
 * mailers) run digests on one store at the same time; every subscriber gets exactly one digest (GreenMail) and no
 * digest is rendered twice; the batch of a node that died is taken over once its lease ran out; and rows a node
 * on another host claimed wait for their claim's lease instead of being sent again at once. A subclass per store.
 */
abstract class DigestNodesContract {
    static final Instant START = Instant.parse("2026-06-30T10:00:00Z");
    static final int SUBSCRIBERS = 40;
    static final int BATCH = 6;

    @TempDir
    Path dir;
    GreenMail smtp;
    MutableClock clock;
    Paperwire app;
    /** Renders per recipient, over every node's mailer. */
    final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
    final List<Mailer> mailers = new ArrayList<>();

    /** Configuration for the store under test: {@code sources} with the store's keys added. */
    protected abstract ConfigSources store(ConfigSources sources);

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock = new MutableClock(START);
        app = new Paperwire(TestConfigs.from(store(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.PUBLIC_URL, "https://papers.example.org")
                .with(ConfigKey.SMTP_HOST, "127.0.0.1")
                .with(ConfigKey.SMTP_PORT, Integer.toString(smtp.getSmtp().getPort()))
                .with(ConfigKey.SMTP_SECURITY, "none")
                .with(ConfigKey.MAIL_FROM, "Paperwire <digest@papers.example.org>"))), clock);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            app.subscribers().create("reader" + i + "@example.org", Subscriber.Status.ACTIVE,
                    new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7, ZoneOffset.UTC, false, 20),
                    List.of(Topic.of(Topic.Kind.TRENDING, "")), START.minus(Duration.ofDays(1)));
        }
    }

    @AfterEach
    void stop() {
        mailers.forEach(Mailer::close);
        app.close();
        smtp.stop();
    }

    static DigestRunner.Options now() {
        return new DigestRunner.Options(false, true, null);
    }

    /** A node: its own name and mailer (counting renders), the shared store; {@code firstRender} runs at each render. */
    DigestRunner node(Runnable atRender) {
        Mailer smtpMailer = Mailers.create(app.config().mail(), dir, clock);
        mailers.add(smtpMailer);
        Mailer counting = new Mailer() {
            @Override
            public RenderedMail render(MailMessage message) {
                renders.computeIfAbsent(message.to(), k -> new AtomicInteger()).incrementAndGet();
                atRender.run();
                return smtpMailer.render(message);
            }

            @Override
            public void send(RenderedMail mail) throws MailException {
                smtpMailer.send(mail);
            }

            @Override
            public int concurrency() {
                return smtpMailer.concurrency();
            }

            @Override
            public String describe() {
                return smtpMailer.describe();
            }

            @Override
            public void close() {
                smtpMailer.close();
            }
        };
        return new DigestRunner(app.subscribers(), app.digestOutbox(), app.mailOutbox(), new DigestBuilder(List.of(
                TrendingSource.overall(app.trending()), TrendingSource.inCategory(app.trending())), app.papers()),
                app.digestMails(), counting, clock, Duration.ofMinutes(2), 3, Period.ofDays(30),
                new DigestBatches(app.leases(), NodeId.create(), BATCH));
    }

    /** Messages received per recipient. */
    Map<String, Long> received() throws MessagingException {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            to.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
        }
        return to.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    @Test
    void twoNodesRunningAtOnceGiveEverySubscriberOneDigestRenderedOnce() throws Exception {
        // each node's first render waits for the other's, so both surely build at the same time
        CountDownLatch bothBuilding = new CountDownLatch(2);
        Runnable meet = () -> {
            bothBuilding.countDown();
            try {
                bothBuilding.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        DigestRunner a = node(meet);
        DigestRunner b = node(meet);
        List<DigestRunner.Report> reports = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<DigestRunner.Report>> runs = List.of(nodes.submit(() -> a.run(now())),
                    nodes.submit(() -> b.run(now())));
            for (Future<DigestRunner.Report> run : runs) {
                reports.add(run.get(120, TimeUnit.SECONDS));
            }
        }
        assertThat(bothBuilding.getCount()).as("both nodes built digests").isZero();

        assertThat(received()).hasSize(SUBSCRIBERS).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        assertThat(renders).hasSize(SUBSCRIBERS).allSatisfy((to, n) -> assertThat(n.get()).as(to).isEqualTo(1));
        assertThat(reports.stream().mapToInt(DigestRunner.Report::due).sum()).isEqualTo(SUBSCRIBERS);
        assertThat(reports.stream().mapToInt(DigestRunner.Report::sent).sum()).isEqualTo(SUBSCRIBERS);
        assertThat(app.leases().all()).as("every batch lease given back").isEmpty();
    }

    @Test
    void theBatchOfANodeThatDiedIsTakenOverOnceItsLeaseRanOut() throws Exception {
        app.leases().tryAcquire(DigestBatches.leaseName(0), "4711@gone-host/?#dead", "", DigestBatches.LEASE, START);
        DigestRunner node = node(() -> {});
        List<Long> firstBatch = app.subscribers().all().stream().map(Subscriber::id).filter(id -> id / BATCH == 0)
                .toList();
        assertThat(firstBatch).isNotEmpty();

        DigestRunner.Report before = node.run(now());
        assertThat(before.sent()).as("all but the dead node's batch").isEqualTo(SUBSCRIBERS - firstBatch.size());

        clock.advance(DigestBatches.LEASE);
        DigestRunner.Report after = node.run(now());
        assertThat(after.sent()).isEqualTo(firstBatch.size());
        assertThat(received()).hasSize(SUBSCRIBERS).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
    }

    @Test
    void aNodeStoppedMidRunGivesBackTheBatchItLeasedAheadAndTheNextRunBuildsTheRest() throws Exception {
        // the first batch's first render waits until the next batch is leased (ahead, while this one builds),
        // then stops the node
        AtomicReference<DigestRunner> self = new AtomicReference<>();
        AtomicBoolean first = new AtomicBoolean(true);
        String next = DigestBatches.leaseName(1);
        DigestRunner stopped = node(() -> {
            if (first.getAndSet(false)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (app.leases().all().stream().noneMatch(l -> l.name().equals(next))
                        && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                assertThat(app.leases().all()).as("the next batch leased ahead").anySatisfy(
                        l -> assertThat(l.name()).isEqualTo(next));
                self.get().stop(Duration.ZERO);
            }
        });
        self.set(stopped);

        DigestRunner.Report cut = stopped.run(now());
        assertThat(cut.due()).isLessThan(SUBSCRIBERS);
        assertThat(app.leases().all()).as("no batch lease kept, the one leased ahead included").isEmpty();

        DigestRunner.Report rest = node(() -> {}).run(now());
        assertThat(cut.due() + rest.due()).isEqualTo(SUBSCRIBERS);
        assertThat(received()).hasSize(SUBSCRIBERS).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
    }

    @Test
    void rowsANodeOnAnotherHostClaimedWaitForTheirClaimsLeaseInsteadOfGoingOutTwice() throws Exception {
        DigestRunner node = node(() -> {});
        MailMessage m = new MailMessage("<d1@papers.example.org>", "reader0@example.org", "s", "<p>h</p>", "t",
                Map.of());
        long id = app.subscribers().findByEmail("reader0@example.org").orElseThrow().id();
        app.digestOutbox().add(id, "2026-06-30", m, app.mailer().render(m).bytes(), List.of(),
                DigestOutbox.State.DUE, START);
        // a node on another host claimed it (and may be sending it right now): a pid there says nothing here
        String elsewhere = ProcessHandle.current().pid() + 1_000_000 + "@another-host/2026-06-30T09:00:00Z#0001";
        assertThat(app.digestOutbox().table().claim(START, 10, elsewhere, Duration.ofMinutes(15), null)).hasSize(1);

        node.run(now());
        assertThat(received()).doesNotContainKey("reader0@example.org");

        clock.advance(Duration.ofMinutes(15)); // that node's claim ran out: it died, or hangs
        node.run(now());
        assertThat(received()).containsEntry("reader0@example.org", 1L);
    }
}

package org.paperwire.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.paperwire.mail.MailException;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.schedule.Backoff;
import org.paperwire.schedule.LeaseKeeper;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.DigestSchedule;
import org.paperwire.subscription.Preferences.Frequency;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One digest run, used by the scheduler inside {@code serve} and by {@code digest run}: plan (batch by batch),
 * then send; and the sender of the queued confirmation and link mails ({@link #sendMails}).
 *
 * <p><b>Batches.</b> Subscribers are cut into {@link DigestBatches batches}; a run builds a batch only while it
 * holds the batch's lease, and skips a batch another node (or a {@code digest run} beside {@code serve}) holds.
 * So any number of nodes may run the schedule at once: each subscriber's digest is built and rendered by one of
 * them, and a node killed mid-batch leaves the batch to the others once its lease ran out. Sending is shared
 * through the outbox's claims: any node claims due rows, each row for one sender at a time.
 *
 * <p><b>Plan.</b> For each active subscriber whose delivery slot has begun and has no digest yet, build the
 * digest, render it to its final bytes once, and store those in the outbox together with its papers, in one
 * transaction; the outbox's UNIQUE (subscriber, period) makes a second run in the same period do nothing.
 *
 * <p><b>Send.</b> Claim due rows ({@code in_flight}, with this node as owner, the attempt counted), hand
 * their stored bytes to the mailer with bounded concurrency, and mark each {@code sent} as soon as the server
 * accepted it; a failed attempt (any exception, not only an SMTP reply) goes back to {@code due} with
 * exponential backoff, a permanent one (and the last attempt) to {@code failed}. Every state change is guarded
 * by the owner, so a sender whose lease ran out changes nothing. Once the server has said 250, recording
 * {@code sent} is retried until it holds: a failed bookkeeping write never causes a second send.
 *
 * <p><b>Crashes.</b> A run that dies leaves rows {@code due} (not sent, sent later) or {@code in_flight}. The
 * next run finds in-flight rows whose owner process is gone (on this host; another host's rows wait for their
 * claim's lease to run out) and sends them again, the same stored bytes. So
 * nothing is lost; the one case that gives a duplicate is a crash in the moment between the server's "250 OK"
 * and our commit of {@code sent} (milliseconds per message), and that duplicate is byte-identical, same
 * Message-ID, which mail systems use to recognise it. No SMTP client can close that window (SMTP has no
 * idempotency key); we chose "never lose" over "never duplicate" for it. {@link #stop} lets the sends under
 * way finish and be recorded before the database closes.
 */
public final class DigestRunner {
    private static final Logger log = LoggerFactory.getLogger(DigestRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** The waits between two tries of recording a sent mail. */
    private static final Backoff RECORD_RETRY = Backoff.doubling(Duration.ofMillis(50), Duration.ofSeconds(5));
    /** Margin before the previous digest: papers listed late still count as new (repeats are excluded anyway). */
    private static final int SINCE_MARGIN_DAYS = 3;
    /** A first digest covers this many days. */
    private static final int FIRST_DIGEST_DAYS = 3;

    /** What one run does. */
    public record Options(boolean dryRun, boolean now, String onlyAddress) {
        public static Options scheduled() {
            return new Options(false, false, null);
        }
    }

    /**
     * What a run did.
     *
     * @param due digests built for a period that had none
     * @param sent messages accepted by the mail server in this run (including retries of earlier runs)
     * @param failed digests that failed permanently in this run, plus digests that could not be built
     * @param skipped empty digests not sent (the subscriber skips empty days)
     * @param retrying digests waiting for another attempt after a temporary failure
     * @param previews the built digests, in a dry run
     * @param buildTime wall time of building and storing the digests
     * @param sendTime wall time of sending
     */
    public record Report(int due, int sent, int failed, int skipped, int retrying, List<Digest> previews,
            Duration buildTime, Duration sendTime) {}

    /** What one pass of sending did: accepted by the server, failed for good, waiting for another attempt. */
    public record Delivery(int sent, int failed, int retrying) {}

    private final SubscriberStore subscribers;
    private final DigestOutbox outbox;
    private final MailOutbox mailOutbox;
    private final DigestBuilder builder;
    private volatile boolean oldRowsRendered;
    private final DigestMails mails;
    private final Mailer mailer;
    private final InstantSource clock;
    private final Backoff retryBackoff;
    private final int maxAttempts;
    private final Period keepMail;
    private final DigestBatches batches;
    /** This node's name: claims outbox rows and holds batch leases. */
    private final String owner;
    private final ReentrantLock mailPass = new ReentrantLock();
    /** Runs and passes under way, for {@link #stop}; guarded by itself. */
    private final Object flight = new Object();
    private int active;
    private volatile boolean stopping;
    private volatile boolean gaveUp;

    public DigestRunner(SubscriberStore subscribers, DigestOutbox outbox, MailOutbox mailOutbox, DigestBuilder builder,
            DigestMails mails, Mailer mailer, InstantSource clock, Duration retryDelay, int maxAttempts,
            Period keepMail, DigestBatches batches) {
        this.keepMail = keepMail;
        this.batches = batches;
        this.owner = batches.node().value();
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.mailOutbox = mailOutbox;
        this.builder = builder;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
        this.retryBackoff = backoff(retryDelay);
        this.maxAttempts = maxAttempts;
    }

    public synchronized Report run(Options options) {
        if (!enter()) {
            return new Report(0, 0, 0, 0, 0, List.of(), Duration.ZERO, Duration.ZERO);
        }
        try {
            return runEntered(options);
        } finally {
            leave();
        }
    }

    private Report runEntered(Options options) {
        Instant now = clock.instant();
        if (!options.dryRun()) { // a dry run records nothing
            int released = outbox.table().releaseAbandoned(batches.node()::mayBeRunning);
            if (released > 0) {
                log.warn("{} digests were in flight in a process that stopped; sending them again", released);
            }
            if (!oldRowsRendered) { // rows stored before V9 have no bytes yet: a one-off repair per process
                outbox.renderMissing(mailer::render);
                oldRowsRendered = true;
            }
        }
        List<Subscriber> chosen = subscribers.all().stream().filter(Subscriber::active)
                .filter(s -> options.onlyAddress() == null || s.email().equalsIgnoreCase(options.onlyAddress()))
                .toList();
        Built built = new Built(outbox, clock);
        DigestBuilder.Session session = builder.session();
        Plan plan = new Plan();
        if (options.dryRun()) { // nothing is stored, so nothing is leased either
            long start = System.nanoTime();
            try (ExecutorService workers = builders()) {
                plan(chosen, options, now, built, session, plan, () -> true, workers);
            }
            return new Report(plan.due, 0, plan.errors, plan.skipped, 0, plan.previews,
                    Duration.ofNanos(System.nanoTime() - start), Duration.ZERO);
        }
        long start = System.nanoTime();
        int busy;
        try (ExecutorService workers = builders()) {
            busy = planBatches(chosen, options, now, built, session, plan, workers);
        }
        if (busy > 0) {
            log.info("{} batches of subscribers were being built by another node (lease held); left to it", busy);
        }
        Duration buildTime = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        // any node sends any due row: the claim takes each row for one sender at a time, in batches
        Delivery sent = send(outbox.table(), "digest", options.onlyAddress() == null ? null
                : chosen.stream().map(Subscriber::id).toList());
        Duration sendTime = Duration.ofNanos(System.nanoTime() - start);
        Instant keepFrom = now.atZone(ZoneOffset.UTC).minus(keepMail).toInstant();
        int forgotten = outbox.forgetMail(keepFrom);
        if (forgotten > 0) {
            log.info("dropped the text of {} digests older than {} (digest.keep-mail)", forgotten, keepMail);
        }
        mailOutbox.forget(keepFrom);
        return new Report(plan.due, sent.sent(), sent.failed() + plan.errors, plan.skipped, sent.retrying(),
                List.of(), buildTime, sendTime);
    }

    /**
     * The periods that have a digest, per subscriber: those built in the last days when the run began, and, read
     * again before each batch, those built since the previous read (by another node, say) with a margin for the
     * clocks of nodes that differ a little. Digests are stored with the time they were built, so one built after
     * a read is found by the next.
     */
    private static final class Built {
        private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
        private final DigestOutbox outbox;
        private final InstantSource clock;
        private final Map<Long, Set<String>> periods = new HashMap<>();
        private Instant readAt;

        Built(DigestOutbox outbox, InstantSource clock) {
            this.outbox = outbox;
            this.clock = clock;
            this.readAt = clock.instant();
            add(outbox.periodsSince(readAt.minus(Duration.ofDays(9))));
        }

        void refresh() {
            Instant since = readAt.minus(CLOCK_MARGIN);
            readAt = clock.instant();
            add(outbox.periodsSince(since));
        }

        private void add(Map<Long, Set<String>> more) {
            more.forEach((id, keys) -> periods.computeIfAbsent(id, k -> new HashSet<>()).addAll(keys));
        }

        boolean has(long subscriberId, String period) {
            return periods.getOrDefault(subscriberId, Set.of()).contains(period);
        }
    }

    /**
     * Sends the queued confirmation and link mails that are due, with the digests' retries and backoff. The mail
     * sender inside {@code serve} calls it when a mail is queued and on a short poll; {@code subscribers add}
     * once. Runs beside a digest run; one pass at a time.
     */
    public Delivery sendMails() {
        if (!enter()) {
            return new Delivery(0, 0, 0);
        }
        mailPass.lock();
        try {
            int released = mailOutbox.table().releaseAbandoned(batches.node()::mayBeRunning);
            if (released > 0) {
                log.warn("{} mails were in flight in a process that stopped; sending them again", released);
            }
            return send(mailOutbox.table(), "mail", null);
        } finally {
            mailPass.unlock();
            leave();
        }
    }

    /**
     * Stops sending, for shutdown: no run, pass or batch starts any more, claimed rows whose attempt has not
     * begun go back to due, and this waits up to {@code wait} for the attempts under way to finish and be
     * recorded (a server may already have accepted their mail). Returns whether they all did; the database can
     * be closed after.
     */
    public boolean stop(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (flight) {
            stopping = true;
            if (gaveUp) {
                return active == 0; // an earlier stop waited already
            }
            while (active > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    gaveUp = true;
                    log.warn("sends still under way after {}; stopping anyway: a mail the server accepted in this"
                            + " moment is sent again, the same bytes, at the next start", wait);
                    return false;
                }
                try {
                    flight.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    gaveUp = true;
                    return false;
                }
            }
            return true;
        }
    }

    private boolean enter() {
        synchronized (flight) {
            if (stopping) {
                return false;
            }
            active++;
            return true;
        }
    }

    private void leave() {
        synchronized (flight) {
            active--;
            flight.notifyAll();
        }
    }

    /** The subscriber's next digest as it would be built now (for {@code /digest/preview}); nothing is stored. */
    public Digest preview(Subscriber s) {
        Instant now = clock.instant();
        DigestPeriod period = nowPeriod(s, now).orElse(new DigestPeriod("preview",
                now.atZone(s.preferences().zone()).toLocalDate(), now));
        return builder.session().build(s, period, since(s, now), outbox.papersGiven(s.id()));
    }

    /** The threads that build a run's digests: one per core (building is CPU work: searches, models, rendering). */
    private static ExecutorService builders() {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("digest-build-", 0).daemon().factory());
    }

    private static final class Plan {
        int due;
        int skipped;
        int errors;
        final List<Digest> previews = new ArrayList<>();
    }

    /**
     * Plans batch by batch, each while its lease is held; returns how many batches another node held. The next batch
     * is leased, prepared (models trained, what its digests need read) and its digests queued for the builders while
     * this one's are built and stored, so that the cores do not wait for that between batches.
     */
    private int planBatches(List<Subscriber> chosen, Options options, Instant now, Built built,
            DigestBuilder.Session session, Plan plan, ExecutorService workers) {
        List<DigestBatches.Batch> cut = batches.cut(chosen);
        int busy = 0;
        Deque<Running> running = new ArrayDeque<>(); // at most this batch and the next
        RuntimeException failedAhead = null;
        try {
            int next = 0;
            // stopping: shutting down, the next run (here or on another node) builds the rest
            while (!stopping) {
                while (next < cut.size() && running.size() < 2 && failedAhead == null && !stopping) {
                    try {
                        Ahead ahead = ahead(cut.get(next++), options, now, built, session);
                        if (ahead.lease() == null) {
                            busy++; // another node builds this batch; if it dies, its lease runs out
                        } else {
                            running.add(start(ahead, options, now, workers));
                        }
                    } catch (RuntimeException e) { // the batches under way are stored first, as if it came after
                        failedAhead = e;
                    }
                }
                Running oldest = running.poll();
                if (oldest == null) {
                    break;
                }
                try {
                    store(oldest.attempts(), options, plan, oldest.goOn());
                } finally {
                    oldest.close();
                }
            }
        } finally {
            running.forEach(Running::close); // leased ahead and never stored: free for the next run
        }
        if (failedAhead != null) {
            throw failedAhead;
        }
        return busy;
    }

    /** A batch's digests queued for the builders, while its lease is held. */
    private record Running(LeaseKeeper lease, List<Future<Attempt>> attempts, BooleanSupplier goOn)
            implements AutoCloseable {
        @Override
        public void close() {
            attempts.forEach(f -> f.cancel(false)); // those not begun yet are never built
            lease.close();
        }
    }

    private Running start(Ahead ahead, Options options, Instant now, ExecutorService workers) {
        LeaseKeeper lease = ahead.lease();
        BooleanSupplier goOn = () -> !stopping && !lease.lost();
        try {
            return new Running(lease, submit(ahead.prepared(), options, now, goOn, workers), goOn);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    /** A batch leased and prepared; {@code lease} null when another node holds it. */
    private record Ahead(LeaseKeeper lease, Prepared prepared) {}

    private Ahead ahead(DigestBatches.Batch batch, Options options, Instant now, Built built,
            DigestBuilder.Session session) {
        LeaseKeeper.Taken taken = LeaseKeeper.take(batches.leases(), DigestBatches.leaseName(batch.number()),
                owner, batch.subscribers().size() + " subscribers", DigestBatches.LEASE, clock,
                batches.node()::mayBeRunning); // a process here killed mid-batch leaves it at once
        if (taken.kept().isEmpty()) {
            return new Ahead(null, null);
        }
        LeaseKeeper lease = taken.kept().get();
        try {
            built.refresh(); // another node may have built this batch since this run began
            return new Ahead(lease, prepare(batch.subscribers(), options, now, built, session));
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Builds and stores the due digests of {@code chosen} into {@code plan}, while {@code held}. Building and
     * rendering (searches, recommendations, templates, MIME) run on every core at once, each subscriber's digest on
     * one thread; storing stays in the subscribers' order on this thread, one transaction each, so what is stored
     * and when a stop or a lost lease cuts the batch short is as if they were built one by one.
     */
    private void plan(List<Subscriber> chosen, Options options, Instant now, Built built,
            DigestBuilder.Session session, Plan plan, BooleanSupplier held, ExecutorService workers) {
        BooleanSupplier goOn = () -> !stopping && held.getAsBoolean();
        List<Future<Attempt>> attempts = submit(prepare(chosen, options, now, built, session), options, now, goOn,
                workers);
        try {
            store(attempts, options, plan, goOn);
        } finally {
            attempts.forEach(f -> f.cancel(false)); // those not begun yet are never built
        }
    }

    /** A batch's due digests, with what building them needs read once for all of them. */
    private record Prepared(List<Due> due, DigestBuilder.Session session, Map<Long, Set<String>> given,
            Map<Long, Instant> lastBuilt) {}

    private Prepared prepare(List<Subscriber> chosen, Options options, Instant now, Built built,
            DigestBuilder.Session session) {
        List<Due> due = new ArrayList<>();
        for (Subscriber s : chosen) {
            Optional<DigestPeriod> period = options.now() ? nowPeriod(s, now)
                    : DigestSchedule.current(s.preferences(), now)
                            .filter(p -> s.confirmedAt() == null || !p.scheduledAt().isBefore(s.confirmedAt()));
            if (period.isPresent() && !built.has(s.id(), period.get().key())) {
                due.add(new Due(s, period.get()));
            }
        }
        if (due.isEmpty()) {
            return new Prepared(due, session, Map.of(), Map.of());
        }
        List<Subscriber> building = due.stream().map(Due::subscriber).toList();
        List<Long> ids = building.stream().map(Subscriber::id).toList();
        // each subscriber is in one batch: read once for the batch
        return new Prepared(due, prepared(session, building), outbox.papersGiven(ids), outbox.lastBuilt(ids));
    }

    /** Starts building a prepared batch's digests on the workers, in the subscribers' order. */
    private List<Future<Attempt>> submit(Prepared p, Options options, Instant now, BooleanSupplier goOn,
            ExecutorService workers) {
        List<Future<Attempt>> attempts = new ArrayList<>();
        for (Due d : p.due()) {
            Subscriber s = d.subscriber();
            LocalDate since = since(Optional.ofNullable(p.lastBuilt().get(s.id())), now);
            Set<String> had = p.given().getOrDefault(s.id(), Set.of());
            attempts.add(workers.submit(() -> attempt(s, d.period(), options, now, since, had, p.session(), goOn)));
        }
        return attempts;
    }

    /** Stores the attempts' digests in their order, until one says the run stops or {@code goOn} turns false. */
    private void store(List<Future<Attempt>> attempts, Options options, Plan plan, BooleanSupplier goOn) {
        for (Future<Attempt> f : attempts) {
            Attempt a = result(f);
            if (a == null || !goOn.getAsBoolean()) {
                break; // shutting down, or the batch's lease was lost: the next run (or node) builds the rest
            }
            store(a, options, plan);
        }
    }

    /** A subscriber whose digest for the period is due and not built yet. */
    private record Due(Subscriber subscriber, DigestPeriod period) {}

    /** The session to build these subscribers' digests with: prepared for them, or as it is when that failed. */
    private static DigestBuilder.Session prepared(DigestBuilder.Session session, List<Subscriber> chosen) {
        try {
            return session.prepare(chosen);
        } catch (RuntimeException e) { // only work done ahead: each digest does what is missing itself
            log.warn("could not prepare the digests of {} subscribers ahead; building them one by one", chosen.size(), e);
            return session;
        }
    }

    /** One subscriber's digest built and rendered, or why it could not be. */
    private record Attempt(Subscriber subscriber, DigestPeriod period, Digest digest, boolean skip,
            MailMessage message, byte[] mime, RuntimeException error) {}

    /** Builds and renders one digest; null when the run should stop first. */
    private Attempt attempt(Subscriber s, DigestPeriod period, Options options, Instant now, LocalDate since,
            Set<String> given, DigestBuilder.Session session, BooleanSupplier goOn) {
        if (!goOn.getAsBoolean()) {
            return null;
        }
        try {
            Digest digest = session.build(s, period, since, given);
            boolean skip = digest.isEmpty() && s.preferences().skipEmpty();
            MailMessage message = mails.digest(digest);
            // rendered once, here: every attempt sends these bytes (same Date, boundary, Message-ID)
            byte[] mime = options.dryRun() || skip ? null : mailer.render(message).bytes();
            return new Attempt(s, period, digest, skip, message, mime, null);
        } catch (RuntimeException e) {
            return new Attempt(s, period, null, false, null, null, e);
        }
    }

    private static Attempt result(Future<Attempt> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) { // attempt() catches what building throws; an Error is rethrown
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void store(Attempt a, Options options, Plan plan) {
        Subscriber s = a.subscriber();
        if (a.error() != null) {
            // one subscriber's trouble (say, the search index is locked by another process) never stops the
            // others; the next run tries this one again
            log.error("could not build the digest {} of subscriber {}; will try again next run",
                    a.period().key(), s.id(), a.error());
            plan.errors++;
            return;
        }
        plan.due++;
        if (options.dryRun()) {
            plan.previews.add(a.digest());
            return;
        }
        // stored with the time it was built (not the run's start), so that other nodes' next read finds it
        boolean added = outbox.add(s.id(), a.period().key(), a.message(), a.mime(), DigestBuilder.ids(a.digest().items()),
                a.skip() ? DigestOutbox.State.SKIPPED : DigestOutbox.State.DUE, clock.instant());
        if (!added) {
            plan.due--; // another process built this period's digest meanwhile
        } else if (a.skip()) {
            plan.skipped++;
        }
    }

    /** "--now": the slot of the subscriber's current local day (weekly: the latest delivery weekday), whatever the hour. */
    private static Optional<DigestPeriod> nowPeriod(Subscriber s, Instant now) {
        if (s.preferences().frequency() == Frequency.PAUSED) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(s.preferences().zone()).toLocalDate();
        Instant endOfDay = today.atTime(LocalTime.MAX).atZone(s.preferences().zone()).toInstant();
        return DigestSchedule.current(s.preferences(), endOfDay);
    }

    private LocalDate since(Subscriber s, Instant now) {
        return since(outbox.lastBuilt(s.id()), now);
    }

    /** @param lastBuilt when the subscriber's latest digest was built, if ever */
    private static LocalDate since(Optional<Instant> lastBuilt, Instant now) {
        Instant from = lastBuilt.orElse(now.minus(Duration.ofDays(FIRST_DIGEST_DAYS)));
        return LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(SINCE_MARGIN_DAYS);
    }

    private static final class Counts {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger retrying = new AtomicInteger();

        Delivery delivery() {
            return new Delivery(sent.get(), failed.get(), retrying.get());
        }
    }

    /** Claims and sends batches of {@code table}'s due rows until none is left (or the sender stops). */
    private Delivery send(OutboxTable table, String what, List<Long> onlySubscribers) {
        Counts counts = new Counts();
        int workers = Math.max(1, mailer.concurrency());
        try (ExecutorService pool = Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().name(what + "-sender").daemon().factory())) {
            while (!stopping) {
                List<OutboxTable.Claimed> batch = table.claim(clock.instant(), workers * 32, owner, LEASE,
                        onlySubscribers);
                if (batch.isEmpty()) {
                    break;
                }
                List<Future<?>> futures = new ArrayList<>(batch.size());
                for (OutboxTable.Claimed row : batch) {
                    futures.add(pool.submit(() -> deliver(table, what, row, counts)));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        log.error("sending a {} failed unexpectedly; it is sent again when its lease ends", what,
                                e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return counts.delivery();
                    }
                }
            }
        }
        return counts.delivery();
    }

    /** One attempt: send the row's stored bytes, then record what happened, guarded by this sender as owner. */
    private void deliver(OutboxTable table, String what, OutboxTable.Claimed row, Counts counts) {
        String name = what + " " + row.what() + " to " + row.mail().to();
        if (stopping) {
            table.release(row.id(), owner, clock.instant()); // not begun: the next start sends it
            return;
        }
        if (row.attempts() > maxAttempts) { // the earlier attempts ended without an answer: crashes or hangs
            recordFailure(table, name, row, false, "no result from " + maxAttempts + " attempts (the sender"
                    + " stopped or hung while sending)", counts);
            return;
        }
        try {
            mailer.send(row.mail());
        } catch (MailException e) {
            recordFailure(table, name, row, e.temporary(), e.getMessage(), counts);
            return;
        } catch (RuntimeException e) {
            // a failure of ours (say, the mailer was closed under us) counts like a temporary SMTP one, so that a
            // row that can never be sent fails after digest.max-attempts instead of coming back forever
            log.error("{}: unexpected failure; counted as a failed attempt", name, e);
            recordFailure(table, name, row, true, e.toString(), counts);
            return;
        }
        recordSent(table, name, row);
        counts.sent.incrementAndGet();
    }

    private void recordFailure(OutboxTable table, String name, OutboxTable.Claimed row, boolean temporary,
            String error, Counts counts) {
        Instant now = clock.instant();
        int attempt = row.attempts();
        try {
            boolean held;
            if (temporary && attempt < maxAttempts) {
                Duration wait = retryBackoff.delayAfter(attempt);
                held = table.markRetry(row.id(), owner, now.plus(wait), error);
                counts.retrying.incrementAndGet();
                log.warn("{}: {}; attempt {} of {}, next in {}", name, error, attempt, maxAttempts, wait);
            } else {
                held = table.markFailed(row.id(), owner, now, error);
                counts.failed.incrementAndGet();
                log.error("{} failed for good after {} attempts: {}", name, attempt, error);
            }
            if (!held) {
                log.warn("{}: another sender took the row over meanwhile (this one's lease ran out); left to it", name);
            }
        } catch (RuntimeException e) {
            // the attempt is counted already (at its claim): the row is tried again when its lease ends
            log.error("{}: could not record the failed attempt; it is tried again when its lease ends", name, e);
        }
    }

    /**
     * The server accepted the mail (250): the row must say so. A failed write is tried again, with backoff, until
     * it holds; only a shutdown that can wait no longer gives up (then the next start sends it again, same bytes).
     */
    private void recordSent(OutboxTable table, String name, OutboxTable.Claimed row) {
        boolean interrupted = false;
        for (int failures = 1; ; failures++) {
            Duration wait = RECORD_RETRY.delayAfter(failures);
            try {
                if (!table.markSent(row.id(), owner, clock.instant())) {
                    log.warn("{} was sent, and its row is no longer this sender's (its lease ran out and another"
                            + " sender took it over): it may go out twice, the same bytes", name);
                }
                return;
            } catch (RuntimeException e) {
                if (gaveUp || interrupted) {
                    log.error("{} was sent but cannot be recorded as sent before shutdown; the next start sends it"
                            + " again, the same bytes", name, e);
                    return;
                }
                log.warn("{} was sent; recording that failed ({}), trying again in {}", name, e.getMessage(), wait);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true; // one last try, then give up
            }
        }
    }

    /** The wait after a failed attempt: {@code first}, doubled for each attempt after the first, at most six hours. */
    static Backoff backoff(Duration first) {
        return Backoff.doubling(first, MAX_BACKOFF);
    }
}

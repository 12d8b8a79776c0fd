package org.paperwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.schedule.JdbcLeases;
import org.paperwire.schedule.Leases;
import org.paperwire.schedule.NodeId;
import org.paperwire.paper.Papers;
import org.paperwire.paper.JdbcPaperStore;

class HarvestServiceTest {
    @TempDir
    Path dir;
    Database db;
    PaperIngestor ingestor;
    JdbcSourceStatusStore statuses;
    Leases leases;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T06:00:00Z"));

    /** A source that plays back scripted outcomes and records the checkpoints it was asked to resume from. */
    final class ScriptedSource implements HarvestSource {
        final Deque<String> script = new ArrayDeque<>();
        final List<String> checkpointsSeen = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Result harvest(String checkpoint, LocalDate from) throws HarvestException {
            checkpointsSeen.add(checkpoint);
            IngestReport report = ingestor.ingest(List.<SourceRecord>of(
                    new SourceRecord.Parsed(Papers.paper("2501.0000" + checkpointsSeen.size(), 1, "P"), "test")).iterator());
            String next = script.removeFirst();
            if (next.startsWith("fail:")) {
                throw new HarvestException("GET http://upstream/oai: " + next.substring(5), report, null);
            }
            return new Result(report, next);
        }
    }

    @BeforeEach
    void open() {
        db = Database.open(dir);
        ingestor = new PaperIngestor(new JdbcPaperStore(db.dataSource(), now::get));
        statuses = new JdbcSourceStatusStore(db.dataSource());
        leases = new JdbcLeases(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private HarvestService service(ScriptedSource source) {
        return service(new HarvestSource[] {source});
    }

    @Test
    void aSuccessAdvancesTheCheckpointAndSchedulesTheNextRunOneIntervalLater() {
        ScriptedSource source = new ScriptedSource();
        source.script.add("2026-03-01");
        HarvestService.Run run = service(source).run("scripted", null);

        assertThat(run.error()).isEmpty();
        SourceStatus status = statuses.find("scripted").orElseThrow();
        assertThat(status.checkpoint()).isEqualTo("2026-03-01");
        assertThat(status.lastSuccess()).isEqualTo(now.get());
        assertThat(status.nextAttempt()).isEqualTo(now.get().plus(Duration.ofHours(6)));
        assertThat(status.lastRun()).isEqualTo(new SourceStatus.Counts(1, 1, 0));
    }

    @Test
    void aFailureKeepsTheOldCheckpointRecordsTheErrorAndBacksOffExponentially() {
        ScriptedSource source = new ScriptedSource();
        source.script.addAll(List.of("2026-03-01", "fail:HTTP 500 Internal Server Error", "fail:timed out", "2026-03-02"));
        HarvestService service = service(source);

        service.run("scripted", null);
        HarvestService.Run failed = service.run("scripted", null);
        assertThat(failed.error()).contains("GET http://upstream/oai: HTTP 500 Internal Server Error");
        SourceStatus afterFirstFailure = statuses.find("scripted").orElseThrow();
        assertThat(afterFirstFailure.checkpoint()).isEqualTo("2026-03-01");
        assertThat(afterFirstFailure.lastError()).contains("HTTP 500");
        assertThat(afterFirstFailure.nextAttempt()).isEqualTo(now.get().plus(Duration.ofMinutes(5)));
        assertThat(afterFirstFailure.lastRun().seen()).as("pages before the failure are kept and counted").isEqualTo(1);

        service.run("scripted", null);
        assertThat(statuses.find("scripted").orElseThrow().nextAttempt())
                .isEqualTo(now.get().plus(Duration.ofMinutes(10)));

        service.run("scripted", null);
        SourceStatus recovered = statuses.find("scripted").orElseThrow();
        assertThat(source.checkpointsSeen).containsExactly(null, "2026-03-01", "2026-03-01", "2026-03-01");
        assertThat(recovered.checkpoint()).isEqualTo("2026-03-02");
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).as("the last error stays visible after recovery").contains("timed out");
        assertThat(recovered.total().created()).isEqualTo(4);
    }

    @Test
    void backoffNeverExceedsTheInterval() {
        HarvestService service = service(new ScriptedSource());
        assertThat(service.backoff().delayAfter(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(service.backoff().delayAfter(3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(service.backoff().delayAfter(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aSourceIsDueWhenNeverRunOrWhenItsNextAttemptHasCome() {
        ScriptedSource source = new ScriptedSource();
        source.script.add("c1");
        HarvestService service = service(source);
        assertThat(service.isDue("scripted")).isTrue();
        service.run("scripted", null);
        assertThat(service.isDue("scripted")).isFalse();
        now.set(now.get().plus(Duration.ofHours(6)));
        assertThat(service.isDue("scripted")).isTrue();
    }

    @Test
    void aBugInASourceIsRecordedAndBackedOffInsteadOfStoppingTheSchedule() {
        ScriptedSource source = new ScriptedSource(); // empty script: harvest throws NoSuchElementException
        HarvestScheduler scheduler = new HarvestScheduler(service(source), List.of("scripted"), Duration.ofMinutes(1));
        scheduler.tick();
        scheduler.tick(); // not due again yet: backed off
        assertThat(source.checkpointsSeen).hasSize(1);
        SourceStatus status = statuses.find("scripted").orElseThrow();
        assertThat(status.lastError()).startsWith("internal error: java.util.NoSuchElementException");
        assertThat(status.nextAttempt()).isEqualTo(now.get().plus(Duration.ofMinutes(5)));
        now.set(now.get().plus(Duration.ofMinutes(5)));
        scheduler.tick();
        assertThat(source.checkpointsSeen).hasSize(2);
        scheduler.close();
    }

    /** A source that stays inside its harvest until released, so that a second harvester can try meanwhile. */
    final class BlockingSource implements HarvestSource {
        final String name;
        final String upstream;
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        BlockingSource(String name, String upstream) {
            this.name = name;
            this.upstream = upstream;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String upstream() {
            return upstream;
        }

        @Override
        public Result harvest(String checkpoint, LocalDate from) {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Result(ingestor.ingest(List.<SourceRecord>of(new SourceRecord.Parsed(
                    Papers.paper("2501.00009", 1, "P"), "test")).iterator()), "done");
        }
    }

    private HarvestService service(HarvestSource... sources) {
        return new HarvestService(List.of(sources), statuses, leases, NodeId.create(), now::get, Duration.ofHours(6),
                Duration.ofMinutes(5));
    }

    /** A blocking source released from the start: its harvest returns at once. */
    private BlockingSource released(String name, String upstream) {
        BlockingSource source = new BlockingSource(name, upstream);
        source.release.countDown();
        return source;
    }

    /** Starts {@code service} harvesting {@code source} in another thread; returns once the harvest is inside it. */
    private static Thread harvestingIn(HarvestService service, BlockingSource source) throws InterruptedException {
        Thread running = Thread.ofVirtual().start(() -> service.run(source.name, null));
        assertThat(source.inside.await(10, TimeUnit.SECONDS)).isTrue();
        return running;
    }

    @Test
    void twoServicesOnOneStoreNeverHarvestTheSameSourceAtOnce() throws Exception {
        // issue 9, finding 8: a harvest command beside serve asked arXiv twice as often and lost counts
        BlockingSource inServe = new BlockingSource("arxiv-oai", "arxiv");
        HarvestService serve = service(inServe);
        BlockingSource inCommand = released("arxiv-oai", "arxiv");
        HarvestService command = service(inCommand);
        Thread running = harvestingIn(serve, inServe);

        assertThatThrownBy(() -> command.run("arxiv-oai", null)).isInstanceOf(HarvestBusyException.class)
                .hasMessage("source arxiv-oai is being harvested by " + serve.holder() + " until "
                        + now.get().plus(HarvestService.LEASE));
        assertThat(inCommand.inside.getCount()).as("the second harvester never started").isOne();

        inServe.release.countDown();
        running.join();
        assertThat(command.run("arxiv-oai", null).error()).isEmpty();
        assertThat(statuses.find("arxiv-oai").orElseThrow().total().seen()).isEqualTo(2);
    }

    @Test
    void sourcesOfOneUpstreamTakeTurnsAcrossServices() throws Exception {
        BlockingSource oai = new BlockingSource("arxiv-oai", "arxiv");
        HarvestService serve = service(oai);
        HarvestService command = service(released("arxiv-api", "arxiv"), released("huggingface", "huggingface"));
        Thread running = harvestingIn(serve, oai);

        assertThatThrownBy(() -> command.run("arxiv-api", null)).isInstanceOf(HarvestBusyException.class)
                .hasMessageStartingWith("source arxiv-api shares its upstream with arxiv-oai, which is being harvested by "
                        + serve.holder());
        assertThat(command.run("huggingface", null).error()).as("another upstream is free").isEmpty();

        oai.release.countDown();
        running.join();
    }

    @Test
    void theLeaseOfAProcessOnThisHostThatIsGoneIsTakenOverAtOnce() {
        // issue 11: a harvest command killed with kill -9 does not hold its upstream for the lease's 2 minutes
        String here = NodeId.create().value();
        String host = here.substring(here.indexOf('@') + 1, here.indexOf('/'));
        leases.tryAcquire("harvest:scripted", Long.MAX_VALUE + "@" + host + "/?#dead", "scripted", HarvestService.LEASE,
                now.get());
        ScriptedSource source = new ScriptedSource();
        source.script.add("c1");

        assertThat(service(source).run("scripted", null).error()).isEmpty();
        assertThat(source.script).isEmpty();
    }

    @Test
    void theLeaseOfAHolderThatDiedIsTakenOverOnceItExpires() {
        leases.tryAcquire("harvest:scripted", "4711@gone/?#0000", "scripted", HarvestService.LEASE, now.get());
        ScriptedSource source = new ScriptedSource();
        source.script.add("c1");
        HarvestService service = service(source);
        assertThatThrownBy(() -> service.run("scripted", null)).isInstanceOf(HarvestBusyException.class)
                .hasMessageContaining("4711@gone/?#0000");

        now.set(now.get().plus(HarvestService.LEASE));

        assertThat(service.run("scripted", null).error()).isEmpty();
        assertThat(leases.all()).as("given back at the end").isEmpty();
    }
}

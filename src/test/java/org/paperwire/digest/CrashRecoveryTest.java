package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.mail.SmtpSink;
import org.paperwire.paper.Paper;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * The {@code kill -9} test on a real process: {@code paperwire digest run --now} in a child JVM sends to a slow
 * SMTP server and is killed mid-run with {@link Process#destroyForcibly()} (SIGKILL); a second run completes it.
 * Every subscriber ends up with exactly one digest (one Message-ID). The one window no SMTP client can close
 * (the server took the message, the process died before recording it) shows up as a byte-identical resend with
 * the same Message-ID; there can be at most one per pooled connection, and the test counts them.
 */
class CrashRecoveryTest {
    static final int SUBSCRIBERS = 30;
    static final int CONNECTIONS = 2;
    static final Pattern TO = Pattern.compile("(?m)^To: (\\S+)");
    static final Pattern ID = Pattern.compile("(?m)^Message-ID: (\\S+)");

    @TempDir
    Path dir;

    record Received(String to, String messageId) {}

    @Test
    void aDigestRunKilledMidSendLosesNothingAndSendsEachDigestOnce() throws Exception {
        Instant now = Instant.now(); // the child processes use the real clock
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString()));
        try (Paperwire app = new Paperwire(config, Clock.fixed(now, ZoneOffset.UTC))) {
            List<Paper> papers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                papers.add(new Paper("2606.1000" + i, 1, "Paper " + i, "Abstract " + i, List.of("A. Author"),
                        List.of("cs.LG"), null, null, null, now.minus(Duration.ofHours(20)), null,
                        LocalDate.ofInstant(now, ZoneOffset.UTC)));
            }
            app.papers().upsertAll(papers);
            for (int i = 0; i < SUBSCRIBERS; i++) {
                app.subscribers().create("reader" + i + "@example.org", Subscriber.Status.ACTIVE,
                        Preferences.defaults(7, ZoneOffset.UTC), List.of(Topic.of(Topic.Kind.TRENDING, "")),
                        now.minus(Duration.ofDays(2)));
            }
        }
        List<Received> received = new CopyOnWriteArrayList<>();
        try (SmtpSink sink = new SmtpSink(Duration.ofMillis(60), raw -> received.add(parse(raw)))) {
            Process first = digestRun(sink.port());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (sink.accepted() < SUBSCRIBERS / 3 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20); // waits for a condition, not for time
            }
            assertThat(first.isAlive()).as("the first run is still sending when it is killed").isTrue();
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            first.waitFor();
            int beforeKill = received.size();
            assertThat(beforeKill).isLessThan(SUBSCRIBERS);

            Process second = digestRun(sink.port());
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(lastLog)).isZero();
        }
        Map<String, Set<String>> idsByRecipient = new ConcurrentHashMap<>();
        for (Received r : received) {
            idsByRecipient.computeIfAbsent(r.to(), k -> ConcurrentHashMap.newKeySet()).add(r.messageId());
        }
        assertThat(idsByRecipient).hasSize(SUBSCRIBERS);
        assertThat(idsByRecipient.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        int resent = received.size() - SUBSCRIBERS;
        System.out.printf("kill -9 test: %d messages for %d subscribers (%d byte-identical resends)%n",
                received.size(), SUBSCRIBERS, resent);
        assertThat(resent).isBetween(0, CONNECTIONS);
    }

    private Path lastLog;

    private Process digestRun(int smtpPort) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.paperwire.cli.Main", "--data-dir", dir.toString(), "digest", "run", "--now", "--json");
        Map<String, String> env = pb.environment();
        env.put("PAPERWIRE_SMTP_HOST", "127.0.0.1");
        env.put("PAPERWIRE_SMTP_PORT", Integer.toString(smtpPort));
        env.put("PAPERWIRE_SMTP_SECURITY", "none");
        env.put("PAPERWIRE_SMTP_CONNECTIONS", Integer.toString(CONNECTIONS));
        pb.redirectErrorStream(true);
        lastLog = dir.resolve("run-" + System.nanoTime() + ".log");
        pb.redirectOutput(lastLog.toFile());
        return pb.start();
    }

    private static Received parse(byte[] raw) {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        head = head.substring(0, Math.max(0, head.indexOf("\r\n\r\n")));
        Matcher to = TO.matcher(head);
        Matcher id = ID.matcher(head);
        return new Received(to.find() ? to.group(1) : "?", id.find() ? id.group(1) : "?");
    }
}

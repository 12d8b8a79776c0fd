package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.SharedData;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.paper.Paper;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * Three consecutive days of the shared arXiv daily listings (2026-06-24..26) through ingest, the search index
 * with real bge-small embeddings, trending and the scheduled digests of four subscribers, read back from the
 * {@code .eml} files the outbox-folder mailer wrote. To keep embedding affordable on 2 cores the days are cut
 * to about 175 papers: every listing that mentions video or speech (so both the matches and the distractors of
 * the saved searches are there) and the first 30 others of each day.
 */
class DigestReplayTest {
    static final List<String> DAYS = List.of("2026-06-24", "2026-06-25", "2026-06-26");
    static final Pattern ARXIV = Pattern.compile("https://arxiv\\.org/abs/(\\S+)");

    @TempDir
    Path dir;

    @Test
    void threeDaysOfListingsGiveOnTopicDigestsWithoutRepeats() throws Exception {
        Path listings = SharedData.path("arxiv/daily-arxiv-ai-enhanced/data");
        MutableClock clock = new MutableClock(LocalDate.parse(DAYS.getFirst()).atTime(6, 0).toInstant(ZoneOffset.UTC));
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.PUBLIC_URL, "https://papers.example.org")
                .with(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false"));
        Map<String, String> who = new HashMap<>();
        try (Paperwire app = new Paperwire(config, clock)) {
            Preferences prefs = new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7,
                    ZoneOffset.UTC, true, 10);
            add(app, "video@example.org", prefs, new Topic(Topic.Kind.SEARCH, "diffusion models for video generation", 5));
            add(app, "speech@example.org", prefs, new Topic(Topic.Kind.SEARCH, "speech recognition", 5));
            add(app, "cl@example.org", prefs, new Topic(Topic.Kind.CATEGORY, "cs.CL", 4));
            add(app, "trending@example.org", new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY,
                    7, ZoneOffset.UTC, true, 3), new Topic(Topic.Kind.TRENDING, "", 10));
            for (String day : DAYS) {
                Path cut = cut(listings.resolve(day + ".jsonl.gz"));
                app.bulkImporter().importFiles(List.of(cut), ImportOptions.detect(), ImportProgress.NONE);
                app.search().follower().catchUp();
                app.search().embeddings().drain();
                app.search().follower().catchUp();
                clock.set(LocalDate.parse(day).plusDays(1).atTime(8, 0).toInstant(ZoneOffset.UTC));
                DigestRunner.Report r = app.digests().run(DigestRunner.Options.scheduled());
                assertThat(r.failed()).isZero();
                clock.advance(Duration.ofHours(20));
            }
            Map<String, List<String>> given = papersByRecipient(dir.resolve("outbox"));
            for (Map.Entry<String, List<String>> e : given.entrySet()) {
                assertThat(e.getValue()).as("no paper twice for " + e.getKey()).doesNotHaveDuplicates();
            }
            for (String who2 : List.of("video@example.org", "speech@example.org")) {
                for (String id : given.getOrDefault(who2, List.of())) {
                    System.out.printf("replay %s: %s %s%n", who2, id, app.papers().find(id).orElseThrow().title());
                }
            }
            List<String> video = given.getOrDefault("video@example.org", List.of());
            assertThat(video).as("the video search finds something in three days").isNotEmpty();
            // the criterion: papers about video generation, not about speech. Weak neighbours (a diffusion
            // model for 3D avatars, video compressive imaging) do pass the threshold and are printed above.
            for (String id : video) {
                assertThat(text(app, id)).as(id).doesNotContain("speech").doesNotContain("audio")
                        .containsAnyOf("video", "diffusion", "generat");
            }
            assertThat(video.stream().filter(id -> text(app, id).contains("video")).count())
                    .as("most video matches are about video").isGreaterThan(video.size() / 2);
            List<String> speech = given.getOrDefault("speech@example.org", List.of());
            assertThat(speech).isNotEmpty();
            // at the default threshold a few neighbours get in (part-of-speech tagging, long-video understanding):
            // the README and the commit say so; most matches are about speech
            assertThat(speech.stream().filter(id -> List.of("speech", "spoken", "asr", "audio", "tts").stream()
                    .anyMatch(text(app, id)::contains)).count()).as("most speech matches are about speech")
                    .isGreaterThan(speech.size() / 2);
            assertThat(speech).as("no video-generation paper for the speech search").noneMatch(video::contains);
            List<String> cl = given.getOrDefault("cl@example.org", List.of());
            assertThat(cl).isNotEmpty();
            for (String id : cl) {
                assertThat(app.papers().find(id).orElseThrow().categories()).contains("cs.CL");
            }
            assertThat(given.getOrDefault("trending@example.org", List.of())).hasSizeLessThanOrEqualTo(3 * DAYS.size());
            System.out.printf("replay: %s%n", given.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
        }
    }

    private static void add(Paperwire app, String email, Preferences prefs, Topic topic) {
        app.subscribers().create(email, Subscriber.Status.ACTIVE, prefs, List.of(topic),
                Instant.parse(DAYS.getFirst() + "T00:00:00Z"));
    }

    private static String text(Paperwire app, String id) {
        Paper p = app.papers().find(id).orElseThrow();
        return (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT);
    }

    /** The day's file with the video / speech listings and the first 30 others, under the same file name. */
    private Path cut(Path file) throws Exception {
        Path out = Files.createDirectories(dir.resolve("cut")).resolve(file.getFileName());
        int others = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                OutputStream gz = new GZIPOutputStream(Files.newOutputStream(out));
                Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.contains("video") || lower.contains("speech") || others++ < 30) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
        return out;
    }

    /** Each recipient's papers, in mail order, from the arXiv links of the plain-text parts. */
    private static Map<String, List<String>> papersByRecipient(Path outbox) throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                MimeMessage m;
                try (InputStream in = Files.newInputStream(eml)) {
                    m = new MimeMessage(session, in);
                }
                String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
                List<String> ids = out.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new ArrayList<>());
                Matcher a = ARXIV.matcher(text);
                while (a.find()) {
                    ids.add(a.group(1));
                }
            }
        }
        return out;
    }
}

package org.paperwire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.app.Paperwire;
import org.paperwire.bench.DigestBenchResult;
import org.paperwire.bench.Memory;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.digest.DigestRunner;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.library.LibraryService;
import org.paperwire.mail.SmtpSink;
import org.paperwire.paper.PaperStore;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire bench digest}: N subscribers with 3 saved searches each over one day of new papers, delivered
 * to a local SMTP sink ({@link SmtpSink}) over pooled connections. Runs in a fresh temporary data folder. With
 * {@code --library N} each subscriber also has a library of N papers (one collection, drawn from the listings of
 * the {@value #LIBRARY_DAYS} days before the digest's window), so every digest has a "Recommended for you" section
 * from whatever recommender the app wires.
 */
@Command(name = "digest", mixinStandardHelpOptions = true, description = {
        "Benchmark digests: build them for N subscribers (3 saved searches each) over one day of papers and",
        "deliver them to a local SMTP sink. Embedding the day's papers first is setup, not timed.",
        "With --library N each subscriber also has N saved papers, so digests get recommendations."})
final class BenchDigestCommand implements Callable<Integer> {
    /** Plain-language research interests, the kind people save; each subscriber gets 3 of them. */
    static final List<String> INTERESTS = List.of(
            "diffusion models for video generation", "speech recognition for low-resource languages",
            "large language model reasoning and chain of thought", "reinforcement learning from human feedback",
            "vision transformers for image classification", "retrieval augmented generation",
            "graph neural networks for molecules", "autonomous driving perception", "medical image segmentation",
            "federated learning privacy", "adversarial robustness of neural networks", "text to image generation",
            "multimodal large language models", "code generation with language models", "3D scene reconstruction",
            "neural radiance fields", "time series forecasting", "recommender systems", "robot manipulation learning",
            "machine translation", "question answering benchmarks", "model compression and quantization",
            "efficient attention for long context", "hallucination in language models", "AI safety and alignment",
            "object detection in images", "point cloud processing", "protein structure prediction",
            "causal inference with machine learning", "Bayesian deep learning uncertainty",
            "mixture of experts models", "speech synthesis", "sign language recognition", "remote sensing imagery",
            "video understanding", "continual learning and catastrophic forgetting", "knowledge distillation",
            "optimization for deep learning training", "fairness and bias in machine learning",
            "agents that use tools and web browsing");

    /** How many listing days before the digest's window the libraries are drawn from. */
    static final int LIBRARY_DAYS = 3;
    /** The first digest's window reaches this many days back from the day after the listing day. */
    static final int WINDOW_DAYS = 6;

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--subscribers", paramLabel = "N", description = "subscribers (default 10000)")
    int subscribers = 10_000;

    @Option(names = "--listing", paramLabel = "FILE", description = "one day of arXiv listings (default: "
            + "../shared/data/arxiv/daily-arxiv-ai-enhanced/data/2026-06-30.jsonl.gz)")
    Path listing = Path.of("../shared/data/arxiv/daily-arxiv-ai-enhanced/data/2026-06-30.jsonl.gz");

    @Option(names = "--connections", paramLabel = "N", description = "pooled SMTP connections (default 16)")
    int connections = 16;

    @Option(names = "--library", paramLabel = "N", description = "papers in each subscriber's library (one collection), "
            + "from the listing files of the " + LIBRARY_DAYS + " days before the digest's window in --listing's folder; "
            + "0: no libraries (default)")
    int library;

    @Option(names = "--json", description = "print subscribers, build_seconds, messages_per_second, peak_rss_mb as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(listing)) {
            throw new UserError("no listing file " + listing.toAbsolutePath() + "; pass one with --listing");
        }
        if (library < 0) {
            throw new UserError("--library must be 0 or more, not " + library);
        }
        LocalDate day = day(listing);
        List<Path> libraryListings = library == 0 ? List.of() : libraryListings(day);
        Path dir = Files.createTempDirectory("paperwire-bench-digest");
        try (SmtpSink sink = new SmtpSink(Duration.ZERO, null)) {
            PaperwireConfig config = PaperwireConfig.from(ConfigSources.defaults()
                    .with(ConfigKey.DATA_DIR, dir.toString())
                    .with(ConfigKey.SMTP_HOST, "127.0.0.1").with(ConfigKey.SMTP_PORT, Integer.toString(sink.port()))
                    .with(ConfigKey.SMTP_SECURITY, "none").with(ConfigKey.SMTP_CONNECTIONS, Integer.toString(connections))
                    .with(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false"), Paperwire.knownIds());
            Clock clock = Clock.fixed(day.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            try (Paperwire app = new Paperwire(config, clock)) {
                print(run(app, libraryListings));
            }
        } finally {
            BenchImportCommand.deleteTree(dir);
        }
        return 0;
    }

    private DigestBenchResult run(Paperwire app, List<Path> libraryListings) {
        List<String> pool = libraryPool(app, libraryListings);
        long beforeDay = app.papers().lastSeq();
        var imported = app.bulkImporter().importFiles(List.of(listing), ImportOptions.detect(), ImportProgress.NONE);
        pool.removeAll(ids(app, beforeDay)); // listed again on the day: new, not a library paper
        if (pool.size() < library) {
            throw new UserError("the listings " + libraryListings + " hold " + pool.size() + " papers, fewer than"
                    + " --library " + library);
        }
        app.search().follower().catchUp();
        status("embedding %,d papers (setup, not timed)...", app.search().embeddings().backlog());
        app.search().embeddings().drain();
        app.search().follower().catchUp();
        status("adding %,d subscribers...", subscribers);
        Random random = new Random(42);
        Preferences prefs = Preferences.defaults(7, ZoneOffset.UTC);
        for (int i = 0; i < subscribers; i++) {
            List<Topic> topics = new ArrayList<>();
            while (topics.size() < 3) {
                Topic t = new Topic(Topic.Kind.SEARCH, INTERESTS.get(random.nextInt(INTERESTS.size())), 5);
                if (!topics.contains(t)) {
                    topics.add(t);
                }
            }
            Subscriber s = app.subscribers().create("reader" + i + "@bench.example.org", Subscriber.Status.ACTIVE,
                    prefs, topics, app.clock().instant().minus(Duration.ofDays(3))).subscriber();
            if (library > 0) {
                Collections.shuffle(pool, random);
                app.library().saveAll(s.id(), LibraryService.DEFAULT_NAME, pool.subList(0, library));
            }
        }
        status("building and sending...");
        DigestRunner.Report r = app.digests().run(new DigestRunner.Options(false, true, null));
        return DigestBenchResult.of(subscribers, (int) imported.created(), r.due(), r.buildTime().toMillis() / 1000.0,
                r.sendTime().toMillis() / 1000.0, r.sent(), r.failed(), connections, Memory.peakRssMb(), library);
    }

    /**
     * The listing files of the {@value #LIBRARY_DAYS} days before the first digest's window, beside
     * {@code --listing}: their papers are old enough never to be new in the digest.
     */
    private List<Path> libraryListings(LocalDate day) throws IOException {
        LocalDate last = day.plusDays(1).minusDays(WINDOW_DAYS + 1);
        Path folder = listing.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (LocalDate d = last.minusDays(LIBRARY_DAYS - 1); !d.isAfter(last); d = d.plusDays(1)) {
            String name = listing.getFileName().toString().replace(day.toString(), d.toString());
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                out.add(file);
            }
        }
        if (out.isEmpty()) {
            throw new UserError("--library needs the listing files of " + last.minusDays(LIBRARY_DAYS - 1) + " to "
                    + last + " beside " + listing + " (named like it); none is there");
        }
        return out;
    }

    /** Imports the library listings and returns their papers' ids. */
    private List<String> libraryPool(Paperwire app, List<Path> files) {
        if (files.isEmpty()) {
            return new ArrayList<>();
        }
        status("importing %d listing files for the libraries...", files.size());
        long before = app.papers().lastSeq();
        app.bulkImporter().importFiles(files, ImportOptions.detect(), ImportProgress.NONE);
        return new ArrayList<>(ids(app, before));
    }

    /** The ids of the papers changed after {@code seq}, sorted (the draw from them is seeded). */
    private static List<String> ids(Paperwire app, long seq) {
        Set<String> ids = new TreeSet<>();
        for (List<PaperStore.Change> page = app.papers().changesSince(seq, 10_000); !page.isEmpty();
                page = app.papers().changesSince(page.get(page.size() - 1).seq(), 10_000)) {
            page.forEach(c -> ids.add(c.paper().id()));
        }
        return new ArrayList<>(ids);
    }

    private void print(DigestBenchResult r) throws IOException {
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(r));
            return;
        }
        System.out.printf("subscribers        %,d (3 saved searches each%s) over %,d papers%n", r.subscribers(),
                r.libraryPapers() > 0 ? ", a " + r.libraryPapers() + "-paper library each" : "", r.papers());
        System.out.printf("built              %,d digests in %.1f s (%,d digests/s)%n", r.digestsBuilt(), r.buildSeconds(),
                r.digestsPerSecond());
        System.out.printf("delivered          %,d messages in %.1f s (%,d messages/s, %d connections), %d failed%n",
                r.messagesSent(), r.sendSeconds(), r.messagesPerSecond(), r.smtpConnections(), r.messagesFailed());
        System.out.printf("peak memory (RSS)  %,d MB%n", r.peakRssMb());
    }

    private static LocalDate day(Path file) {
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(file.getFileName().toString());
        return m.find() ? LocalDate.parse(m.group(1)) : LocalDate.now(ZoneOffset.UTC);
    }

    private static void status(String format, Object... args) {
        System.err.printf("bench: " + format + "%n", args);
    }
}

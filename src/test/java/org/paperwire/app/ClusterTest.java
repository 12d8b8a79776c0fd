package org.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.bench.ClusterNodes;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig.StoreConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.db.TestPostgres;
import org.paperwire.paper.Paper;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * Three {@code serve} processes (JVMs of their own, with their own data folders and indexes) on one PostgreSQL:
 * a vote on one node shows on another, a paper imported through the third is found on the first two, a harvest
 * source runs on one node at a time, and 200 due subscribers each get their digest while the node that started
 * sending is killed with SIGKILL: nothing is lost, and a second copy comes only of a digest the SMTP server had
 * taken when the node died (at most one per connection, the very same message: the outbox's documented promise).
 * The kill comes as the first digest arrives, so it often lands in that window.
 */
class ClusterTest {
    private static final int SUBSCRIBERS = 200;
    /** smtp.connections: what one node has in flight at most. */
    private static final int SMTP_CONNECTIONS = 4;
    private static final Duration WAIT = Duration.ofMinutes(4);
    /**
     * Digests: node schedulers run every minute, and a loaded CI machine (three JVMs and PostgreSQL on 2 cores) may
     * take several runs; well below the 15-minute claim lease, so a claim of the killed node that waited for its
     * lease instead of being released at once would still fail the test.
     */
    private static final Duration WAIT_DIGESTS = Duration.ofMinutes(10);

    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private ClusterNodes nodes;

    @Test
    void threeNodesOnOneStoreShareVotesPapersHarvestsAndDigests() throws Exception {
        StoreConfig store = POSTGRES.freshDatabase();
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        SlowUpstream huggingFace = new SlowUpstream();
        try (huggingFace) {
            int smtpPort = smtp.getSmtp().getPort();
            // the operator's first step: papers in the shared store (a node's CLI would do the same)
            try (Paperwire setup = new Paperwire(TestConfigs.from(settings(dir.resolve("setup"), store, smtpPort)),
                    Clock.systemUTC())) {
                setup.papers().upsertAll(papers(40));
            }
            Map<String, String> env = new HashMap<>();
            env.put(ConfigKey.STORE_URL.envName(), store.url());
            env.put(ConfigKey.STORE_USERNAME.envName(), store.username());
            env.put(ConfigKey.STORE_PASSWORD.envName(), store.password());
            env.put(ConfigKey.SMTP_HOST.envName(), "127.0.0.1");
            env.put(ConfigKey.SMTP_PORT.envName(), Integer.toString(smtpPort));
            env.put(ConfigKey.SMTP_SECURITY.envName(), "none");
            env.put(ConfigKey.SMTP_TIMEOUT.envName(), "PT5S");
            env.put(ConfigKey.SMTP_CONNECTIONS.envName(), Integer.toString(SMTP_CONNECTIONS));
            env.put(ConfigKey.SEARCH_BACKGROUND_EMBEDDING.envName(), "false");
            env.put(ConfigKey.SEARCH_FOLLOW_INTERVAL.envName(), "PT1S");
            env.put(ConfigKey.TRENDING_CACHE_TTL.envName(), "PT1S");
            env.put(ConfigKey.DIGEST_DEFAULT_HOUR.envName(), "0");
            env.put(ConfigKey.HARVEST_SOURCES.envName(), "huggingface");
            env.put(ConfigKey.HF_URL.envName(), huggingFace.url());
            env.put(ConfigKey.HF_REQUEST_INTERVAL.envName(), "PT0.2S");
            try (ClusterNodes nodes = ClusterNodes.start(3, dir, env, WAIT)) {
                this.nodes = nodes;
                aVoteOnOneNodeShowsOnAnother(nodes);
                aPaperImportedThroughOneNodeIsFoundOnTheOthers(nodes, env);
                assertThat(huggingFace.requests.get()).as("the nodes harvested").isPositive();
                assertThat(huggingFace.mostAtOnce.get()).as("requests to the upstream at once, across three nodes")
                        .isEqualTo(1);
                everySubscriberGetsOneDigestWhileANodeIsKilled(nodes, store, smtp, smtpPort);
            }
        } finally {
            smtp.stop();
        }
    }

    private void aVoteOnOneNodeShowsOnAnother(ClusterNodes nodes) throws Exception {
        String id = "2501.00007";
        URI a = nodes.node(0).url();
        String page = get(a.resolve("/papers/" + id)).body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the paper page carries a vote form").isTrue();
        HttpResponse<String> vote = http.send(HttpRequest.newBuilder(a.resolve("/api/v1/papers/" + id + "/vote"))
                .header("X-CSRF-Token", csrf.group(1)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
        URI b = nodes.node(1).url();
        waitUntil("the vote counted on node B", () -> votes(b, id) == 1);
    }

    private int votes(URI node, String id) {
        try {
            JsonNode paper = json.readTree(get(node.resolve("/api/v1/papers/" + id)).body());
            return paper.path("signals").path("votes").asInt(-1);
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private void aPaperImportedThroughOneNodeIsFoundOnTheOthers(ClusterNodes nodes, Map<String, String> env)
            throws Exception {
        // one paper in the daily listing format the import reads (the listing day is the file's name)
        Path listing = dir.resolve(LocalDate.now(Clock.systemUTC()).minusDays(1) + ".jsonl");
        Files.writeString(listing, "{\"id\": \"2501.09999\", \"title\": \"Zanzibarite crystals under pressure\","
                + " \"summary\": \"We grow zanzibarite crystals and squeeze them.\", \"authors\": [\"Ada Lovelace\"],"
                + " \"categories\": [\"cs.LG\"], \"comment\": null}\n");
        int status = nodes.run(2, env, Duration.ofMinutes(2), "import", listing.toString());
        assertThat(status).as("import through node C, see " + nodes.node(2).dataDir()).isZero();
        for (int n : new int[] {0, 1}) {
            URI node = nodes.node(n).url();
            waitUntil("the imported paper is found on node " + n, () -> {
                try {
                    return get(node.resolve("/api/v1/search?q=zanzibarite")).body().contains("2501.09999");
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
        }
    }

    private void everySubscriberGetsOneDigestWhileANodeIsKilled(ClusterNodes nodes, StoreConfig store, GreenMail smtp,
            int smtpPort) throws Exception {
        try (Paperwire setup = new Paperwire(TestConfigs.from(settings(dir.resolve("setup"), store, smtpPort)),
                Clock.systemUTC())) {
            // subscribed days ago with delivery at midnight UTC: today's digest is due now (a subscription made
            // after today's slot would wait for tomorrow's)
            Preferences prefs = Preferences.defaults(0, ZoneOffset.UTC);
            for (int i = 0; i < SUBSCRIBERS; i++) {
                setup.subscribers().create("reader" + i + "@example.org", Subscriber.Status.ACTIVE, prefs,
                        List.of(Topic.of(Topic.Kind.TRENDING, "")), Instant.now().minus(Duration.ofDays(3)));
            }
        }
        waitUntil("the first digest arrives", () -> smtp.getReceivedMessages().length > 0);
        nodes.kill(0);
        waitUntil("every subscriber has a digest (" + SUBSCRIBERS + ")", WAIT_DIGESTS,
                () -> digests(smtp).size() == SUBSCRIBERS);
        Thread.sleep(Duration.ofSeconds(30).toMillis()); // for any late second copy
        Map<String, List<String>> messageIds = digests(smtp);
        assertThat(messageIds).as("nothing lost").hasSize(SUBSCRIBERS);
        // The outbox's promise: a digest is sent twice only if the SMTP server had taken it when the sending node
        // died, before the node could record it: at most one per SMTP connection of the killed node, and always
        // the very same message (same Message-ID and bytes), which mailbox providers collapse.
        long twice = messageIds.values().stream().mapToLong(ids -> ids.size() - 1).sum();
        System.err.println("ClusterTest: " + twice + " digests were sent twice (in flight on the killed node)");
        assertThat(twice).as("digests sent twice").isLessThanOrEqualTo(SMTP_CONNECTIONS);
        assertThat(messageIds.values()).as("a second copy is the same message")
                .allMatch(ids -> ids.stream().distinct().count() == 1);
    }

    /** The Message-IDs of the digests each address received (confirmation mails left out). */
    private static Map<String, List<String>> digests(GreenMail smtp) {
        Map<String, List<String>> out = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getSubject() != null && !m.getSubject().toLowerCase().contains("confirm")) {
                    out.computeIfAbsent(m.getRecipients(Message.RecipientType.TO)[0].toString(), k -> new ArrayList<>())
                            .add(m.getMessageID());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static ConfigSources settings(Path dataDir, StoreConfig store, int smtpPort) {
        return ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dataDir.toString())
                .with(ConfigKey.STORE_URL, store.url())
                .with(ConfigKey.STORE_USERNAME, store.username())
                .with(ConfigKey.STORE_PASSWORD, store.password())
                .with(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false")
                .with(ConfigKey.DIGEST_DEFAULT_HOUR, "0")
                .with(ConfigKey.SMTP_HOST, "127.0.0.1")
                .with(ConfigKey.SMTP_PORT, Integer.toString(smtpPort))
                .with(ConfigKey.SMTP_SECURITY, "none");
    }

    /** Papers listed on the newest day, so that a trending digest has them. */
    private static List<Paper> papers(int n) {
        LocalDate day = LocalDate.now(Clock.systemUTC()).minusDays(1);
        List<Paper> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Instant at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            out.add(new Paper(String.format("2501.%05d", i), 1, "Paper number " + i + " on graph learning",
                    "An abstract about graph learning, number " + i + ".", List.of("Ada Lovelace"),
                    List.of("cs.LG"), null, null, null, at, at, day));
        }
        return out;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void waitUntil(String what, BooleanSupplier done) throws InterruptedException {
        waitUntil(what, WAIT, done);
    }

    private void waitUntil(String what, Duration wait, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + wait + ": " + what + "\n" + logs());
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** The end of every node's log, for a failure's message. */
    private String logs() {
        StringBuilder out = new StringBuilder();
        if (nodes != null) {
            for (ClusterNodes.Node n : nodes.nodes()) {
                try {
                    List<String> lines = Files.readAllLines(n.log());
                    out.append("--- node ").append(n.index()).append(" (").append(n.log()).append(")\n");
                    lines.subList(Math.max(0, lines.size() - 25), lines.size())
                            .forEach(l -> out.append(l).append('\n'));
                } catch (IOException e) {
                    out.append("--- node ").append(n.index()).append(": ").append(e.getMessage()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Hugging Face's daily papers, answering an empty day slowly and counting requests that overlap. */
    private static final class SlowUpstream implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger now = new AtomicInteger();
        private final HttpServer server;

        SlowUpstream() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                mostAtOnce.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(500);
                    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    now.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

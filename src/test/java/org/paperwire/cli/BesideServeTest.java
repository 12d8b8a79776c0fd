package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.paper.Paper;
import org.paperwire.subscription.Topic;

/**
 * Issue 11: commands beside a running {@code serve} stop refusing. Another Paperwire instance holds the data
 * folder's index (as serve does: its writer takes the folder's lock); {@code search} and {@code digest run} read that
 * index read-only and say so ({@code reindex} beside serve: {@link ReindexBesideServeTest}).
 */
class BesideServeTest {
    @TempDir
    Path dir;
    Paperwire serve;

    @BeforeEach
    void startServe() {
        serve = new Paperwire(TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString())),
                Clock.systemUTC());
        // today's paper (digests take papers new since the last one), by an author ada follows
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        serve.papers().upsertAll(List.of(new Paper("2601.00001", 1, "Quantum annealing for graph colouring",
                "We colour graphs with a quantum annealer.", List.of("Ada Lovelace"), List.of("cs.LG"), null, null, null,
                Instant.now(), Instant.now(), today)));
        serve.search().follower().catchUp(); // serve's follower: the index holds the paper, and serve holds the lock
    }

    @AfterEach
    void stopServe() {
        serve.close();
    }

    @Test
    void searchReadsTheIndexOfARunningServeReadOnlyAndSaysSo() throws Exception {
        CliRun run = CliRun.paperwire("--data-dir", dir.toString(), "search", "--json", "--mode", "keyword", "annealing");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json().get("hits").get(0).get("id").asText()).isEqualTo("2601.00001");
        assertThat(run.err()).contains("read-only").contains("paperwire serve");
    }

    @Test
    void digestRunBuildsAndSendsBesideServeFromServesIndex() throws Exception {
        serve.subscriptions().add("ada@example.org", List.of(Topic.of(Topic.Kind.AUTHOR, "Ada Lovelace")), true);

        CliRun run = CliRun.paperwire("--data-dir", dir.toString(), "digest", "run", "--now", "--json",
                "--to", "ada@example.org");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertThat(report.get("due").asInt()).isEqualTo(1);
        assertThat(report.get("sent").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("read-only");
        try (var mails = Files.list(dir.resolve("outbox"))) {
            // the followed author's paper came from serve's index (the author search is a search of the index)
            assertThat(mails.filter(f -> f.getFileName().toString().endsWith(".eml")).toList())
                    .singleElement().satisfies(f -> assertThat(Files.readString(f)).contains("Quantum annealing"));
        }
    }
}

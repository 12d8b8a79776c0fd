package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.TestConfigs;
import org.paperwire.recommend.RecsCorpus;
import org.paperwire.search.WordHashEmbedder;
import org.paperwire.web.TestServer;

/**
 * Issue 10, point 8: {@code paperwire recommend}, its options and its JSON keys (read by other tools), on a store
 * of {@link RecsCorpus} with the word-hash stand-in model and a fixed clock.
 */
class RecommendCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    @BeforeAll
    static void store() {
        try (Paperwire app = new Paperwire(TestConfigs.from(TestServer.settings(dir)), CLOCK,
                model -> new WordHashEmbedder())) {
            app.papers().upsertAll(RecsCorpus.papers());
            app.subscriptions().add("alice@example.org", List.of(), true);
            long alice = app.subscribers().findByEmail("alice@example.org").orElseThrow().id();
            app.library().saveAll(alice, "Library", RecsCorpus.LIBRARY);
            app.library().saveAll(alice, "Vision", List.of(RecsCorpus.VISION_THIS_WEEK.get(0)));
        }
    }

    static CliRun recommend(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString(), "recommend"));
        all.addAll(List.of(args));
        return CliRun.paperwire(cli -> {
            RecommendCommand command = cli.getSubcommands().get("recommend").getCommand();
            command.apps = config -> new Paperwire(config, CLOCK, model -> new WordHashEmbedder());
            return cli;
        }, all.toArray(String[]::new));
    }

    static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void jsonHasExactlyTheReaderAndItemsWithIdTitleScoreAndBecause() throws Exception {
        CliRun run = recommend("--reader", "alice@example.org", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode out = run.json();
        assertThat(out.fieldNames()).toIterable().containsExactly("reader", "items");
        assertThat(out.get("reader").asText()).isEqualTo("alice@example.org");
        JsonNode items = out.get("items");
        assertThat(items).as("this week's papers but the saved one").hasSize(7);
        assertThat(ids(items).subList(0, 4)).containsExactlyInAnyOrderElementsOf(RecsCorpus.GRAPH_THIS_WEEK);
        for (JsonNode item : items) {
            assertThat(item.fieldNames()).toIterable().containsExactly("id", "title", "score", "because");
            assertThat(item.get("score").isNumber()).isTrue();
            item.get("because").forEach(b -> assertThat(b.fieldNames()).toIterable().containsExactly("id", "title"));
        }
        assertThat(items.get(0).get("because")).hasSizeBetween(1, 3);
    }

    @Test
    void collectionSinceAndLimitChooseWhatIsRecommended() throws Exception {
        CliRun vision = recommend("--reader", "alice@example.org", "--collection", "vision", "--since", "2026-06-01",
                "--limit", "3", "--json");
        assertThat(vision.status()).as(vision.err()).isZero();
        JsonNode items = vision.json().get("items");
        assertThat(items).hasSize(3);
        assertThat(ids(items)).allMatch(id -> id.startsWith("2606.002") || id.startsWith("2606.004"));
        CliRun today = recommend("--reader", "alice@example.org", "--since", "2026-06-30", "--json");
        assertThat(ids(today.json().get("items"))).containsExactlyInAnyOrder(RecsCorpus.GRAPH_THIS_WEEK.get(3),
                RecsCorpus.VISION_THIS_WEEK.get(3));
        CliRun text = recommend("--reader", "alice@example.org", "--limit", "2");
        assertThat(text.out()).contains("recommended for alice@example.org from 'Library': 2 papers")
                .contains("because you saved");
    }

    @Test
    void badInputIsNamed() {
        assertThat(recommend("--reader", "nobody@example.org").err()).contains("no subscriber nobody@example.org");
        assertThat(recommend("--reader", "alice@example.org", "--collection", "Robots").err())
                .contains("has no collection 'Robots'").contains("Library, Vision");
        assertThat(recommend("--reader", "alice@example.org", "--since", "last week").err())
                .contains("--since 'last week' is not a date");
        assertThat(recommend("--reader", "alice@example.org", "--limit", "0").err()).contains("--limit must be");
        assertThat(recommend("--reader", "not-an-address").status()).isNotZero();
    }
}

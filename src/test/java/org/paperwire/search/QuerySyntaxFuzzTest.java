package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.Fuzz;
import org.paperwire.db.Database;
import org.paperwire.paper.Paper;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.embed.JdbcEmbeddingCache;

/**
 * Properties of the query syntax and of search over random and mutated queries (issue 9, finding 7): parsing
 * never fails and keeps its filters bounded; a search answers or refuses with {@link SearchInputException},
 * never anything else (a Lucene clause overflow was a 500).
 */
class QuerySyntaxFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> WORDS = List.of("graph", "neural", "the", "-", "\"", "-\"", "author:", "au:",
            "cat:", "cat:cs", "cat:cs.LG", "since:", "until:", "date:", "..", "2025-01-31", "2025-13", "today", "week",
            "year", "author:\"ada lovelace\"", "-survey", "x:y", "e.g.:", ":", "\"a phrase\"", "2025", "BERT:");
    private static final List<String> SEEDS = List.of(
            "\"graph neural\" networks author:\"Yann LeCun\" cat:cs.LG since:2025-01-01 -survey -\"large language\"",
            "x date:2025-01..2025-02", "g ".repeat(300) + "-x ".repeat(133), "cat:cs ".repeat(60) + "graph");

    @TempDir
    Path dir;

    private static String query(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> Fuzz.words(r, WORDS, 700);
            case 1 -> Fuzz.mutate(r, Fuzz.oneOf(r, SEEDS));
            default -> Fuzz.text(r, 200);
        };
    }

    @Test
    void parsingNeverThrowsAndKeepsAtMostFiftyFilters() {
        QuerySyntax syntax = new QuerySyntax(CLOCK);
        Fuzz.check("QuerySyntax.parse", 1000, QuerySyntaxFuzzTest::query, q -> {
            ParsedQuery parsed = syntax.parse(q);
            assertThat(parsed.phrases().size() + parsed.excluded().size() + parsed.authors().size()
                    + parsed.categories().size()).isLessThanOrEqualTo(QuerySyntax.MAX_FILTERS);
        });
    }

    @Test
    void searchAnswersOrRefusesWithTheDocumentedInputException() {
        try (Database database = Database.open(dir)) {
            JdbcPaperStore store = new JdbcPaperStore(database.dataSource(), CLOCK);
            store.upsertAll(List.of(
                    new Paper("2501.00001", 1, "Graph neural networks", "Message passing on graphs.", List.of("Ada Lovelace"),
                            List.of("cs.LG"), null, null, null, Instant.parse("2025-01-10T09:00:00Z"), null, null),
                    new Paper("2502.00002", 1, "A survey of speech", "Transformers transcribe speech.", List.of("Alan Turing"),
                            List.of("eess.AS", "cs.CL"), null, null, null, Instant.parse("2025-02-10T09:00:00Z"), null, null)));
            try (SearchEngine engine = new SearchEngine(store, new JdbcEmbeddingCache(database.dataSource()), dir.resolve("index"),
                    new WordHashEmbedder(), CLOCK, FieldWeights.DEFAULT, Fusion.DEFAULT)) {
                engine.follower().catchUp();
                engine.embeddings().runRound();
                Fuzz.check("SearchService.search", 300, QuerySyntaxFuzzTest::query, q -> {
                    for (SearchMode mode : SearchMode.values()) {
                        try {
                            engine.service().search(SearchRequest.of(q, mode, 10));
                        } catch (SearchInputException refused) {
                            assertThat(refused.getMessage()).isNotBlank();
                        }
                    }
                });
            }
        }
    }
}

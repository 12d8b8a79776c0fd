package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperwire.SharedData;
import org.paperwire.search.SearchMode;

/**
 * Search quality on the development collection ({@link ClozeCollection}: 500 cloze queries over 5,000 papers
 * from the shared arXiv listings), where settings such as the fusion are chosen. Pinned so that the choice
 * keeps holding; the first run on a machine embeds the 5,000 papers (about 2 minutes on 2 cores).
 */
class ClozeGoldenTest {
    /** Pinned at the commit recorded in docs/quality-log.md. */
    private static final Map<SearchMode, Metrics> PINNED = Map.of(
            SearchMode.KEYWORD, new Metrics(0.6060, 0.8420, 0.5705),
            SearchMode.SEMANTIC, new Metrics(0.4883, 0.7640, 0.4552),
            SearchMode.HYBRID, new Metrics(0.6563, 0.8680, 0.6242));

    @Test
    void developmentCollectionQualityStaysWhereItIsPinned() {
        BeirDataset cloze = ClozeCollection.build(SharedData.path("arxiv/daily-arxiv-ai-enhanced/data"));
        assertThat(cloze.corpus()).hasSize(ClozeCollection.DOCS);
        assertThat(cloze.queries()).hasSize(ClozeCollection.QUERIES);
        EvalReport report = Pins.evaluate(cloze);
        Pins.assertPinned(report, PINNED);
    }
}

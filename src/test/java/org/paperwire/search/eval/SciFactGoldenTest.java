package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperwire.SharedData;
import org.paperwire.search.SearchMode;

/**
 * Search quality on BEIR SciFact (300 test queries, 5,183 abstracts), the collection the goals are
 * stated on. Settings are never chosen here (see {@link ClozeGoldenTest}); these pins only report them. The
 * first run on a machine embeds the corpus (minutes on 2 cores); later runs only embed the 300 queries.
 */
class SciFactGoldenTest {
    /** Pinned at the commit recorded in docs/quality-log.md. */
    private static final Map<SearchMode, Metrics> PINNED = Map.of(
            SearchMode.KEYWORD, new Metrics(0.6850, 0.9237, 0.6559),
            SearchMode.SEMANTIC, new Metrics(0.7113, 0.9467, 0.6787),
            SearchMode.HYBRID, new Metrics(0.7362, 0.9517, 0.6988));

    @Test
    void sciFactQualityStaysWhereItIsPinned() {
        EvalReport report = Pins.evaluate(BeirDataset.load(SharedData.path("beir/scifact")));
        assertThat(report.queries()).isEqualTo(300);
        Pins.assertPinned(report, PINNED);
    }
}

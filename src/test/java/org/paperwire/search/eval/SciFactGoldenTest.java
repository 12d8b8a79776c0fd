package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paperwire.SharedData;

/**
 * Search quality on BEIR SciFact (300 test queries, 5,183 abstracts), the collection the goals are
 * stated on. Settings are never chosen here (see {@link ClozeGoldenTest}); these pins only report them. The
 * first run on a machine embeds the corpus (minutes on 2 cores); later runs only embed the 300 queries.
 */
class SciFactGoldenTest {
    @Test
    void sciFactQualityStaysWhereItIsPinned() {
        EvalReport report = Pins.evaluate(BeirDataset.load(SharedData.path("beir/scifact")));
        assertThat(report.queries()).isEqualTo(300);
        Pins.assertPinned(report, Pins.SCIFACT);
    }
}

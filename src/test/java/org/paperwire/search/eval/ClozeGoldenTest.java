package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paperwire.SharedData;

/**
 * Search quality on the development collection ({@link ClozeCollection}: 500 cloze queries over 5,000 papers
 * from the shared arXiv listings), where settings such as the fusion are chosen. Pinned so that the choice
 * keeps holding; the first run on a machine embeds the 5,000 papers (about 2 minutes on 2 cores).
 */
class ClozeGoldenTest {
    @Test
    void developmentCollectionQualityStaysWhereItIsPinned() {
        BeirDataset cloze = ClozeCollection.build(SharedData.path("arxiv/daily-arxiv-ai-enhanced/data"));
        assertThat(cloze.corpus()).hasSize(ClozeCollection.DOCS);
        assertThat(cloze.queries()).hasSize(ClozeCollection.QUERIES);
        EvalReport report = Pins.evaluate(cloze);
        Pins.assertPinned(report, Pins.CLOZE);
    }
}

package org.paperwire.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArxivTextTest {

    @Test
    void splitsArxivRawAuthorListsOnCommasAndAnd() {
        assertThat(ArxivText.authors("Nicholas J. McCullen, Alastair M. Rucklidge, Tim\n  J. Foxon, and William F. Gale"))
                .containsExactly("Nicholas J. McCullen", "Alastair M. Rucklidge", "Tim J. Foxon", "William F. Gale");
        assertThat(ArxivText.authors("Anderson Silva and Sandra Andrade"))
                .containsExactly("Anderson Silva", "Sandra Andrade");
    }

    @Test
    void dropsParenthesisedAffiliationsEvenWhenTheyHoldCommas() {
        assertThat(ArxivText.authors("Oksana Shadura (1), Brian Paul Bockelman (1) and Vassil Vassilev (2)\n"
                + "  ((1) University of Nebraska Lincoln, (2) Princeton University)"))
                .containsExactly("Oksana Shadura", "Brian Paul Bockelman", "Vassil Vassilev");
        assertThat(ArxivText.authors("Thomas Bonald (LINCS), C\\'eline Comte (LINCS)"))
                .containsExactly("Thomas Bonald", "C\\'eline Comte");
    }

    @Test
    void collapsesHardLineBreaksAndBlankTextToNull() {
        assertThat(ArxivText.collapse("  Deep Recurrent\n  Neural Network ")).isEqualTo("Deep Recurrent Neural Network");
        assertThat(ArxivText.collapse(" \n ")).isNull();
    }
}

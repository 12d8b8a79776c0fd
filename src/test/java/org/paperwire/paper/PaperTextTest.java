package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTextTest {
    @Test
    void controlCharactersBecomeSpacesAndSingleLineFieldsAreCollapsed() {
        Paper dirty = new Paper("2501.00001", 1, "Deep\u0001Learning \u0000 for\u000bAll", "Line one\nline\ttwo\u0007.",
                List.of("Ada\u0085Lovelace", "\u0002"), List.of("cs.LG"), "9\u001fpages", null, null, null, null, null);

        Paper clean = PaperText.clean(dirty);

        assertThat(clean.title()).isEqualTo("Deep Learning for All");
        assertThat(clean.abstractText()).isEqualTo("Line one\nline\ttwo .");
        assertThat(clean.authors()).containsExactly("Ada Lovelace");
        assertThat(clean.comment()).isEqualTo("9 pages");
    }

    @Test
    void aCategoryWithSpacesBecomesOnePerWordAsTheStoreReadsItBack() {
        // a real listing (2503.18702) has the ACM class "I.2.6; I.2.7; J.5" among its categories
        Paper p = new Paper("2503.18702", 0, "T", "", List.of(), List.of("cs.CL", "I.2.6; I.2.7; J.5"), null, null, null,
                null, null, null);
        assertThat(PaperText.clean(p).categories()).containsExactly("cs.CL", "I.2.6;", "I.2.7;", "J.5");
    }

    @Test
    void aCleanPaperIsReturnedAsItIs() {
        Paper p = Papers.paper("2501.00001", 1, "Émigré 😀 title");
        assertThat(PaperText.clean(p)).isSameAs(p);
    }

    @Test
    void loneSurrogatesAndNonCharactersGoButPairsStay() {
        assertThat(PaperText.withoutControls("a\ud800b\udc00c\uffffd😀")).isEqualTo("a b c d😀");
        assertThat(PaperText.xmlSafe("a\ud800b\u0001c\ufffed😀\u0085\t\n")).isEqualTo("abcd😀\u0085\t\n");
        assertThat(PaperText.xmlSafe(null)).isNull();
    }

    @Test
    void aPieceIsXmlSafeWhenXmlSafeWouldLeaveItAsItIs() {
        String text = "ok\u0001ok😀\ud800";
        assertThat(PaperText.isXmlSafe(text, 0, 2)).isTrue();
        assertThat(PaperText.isXmlSafe(text, 1, 3)).isFalse(); // the control character
        assertThat(PaperText.isXmlSafe(text, 3, 7)).isTrue(); // the pair whole
        assertThat(PaperText.isXmlSafe(text, 3, 6)).isFalse(); // its high half alone
        assertThat(PaperText.isXmlSafe(text, 7, 8)).isFalse();
    }
}

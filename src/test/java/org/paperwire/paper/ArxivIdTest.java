package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArxivIdTest {
    @Test
    void newStyleIdsLoseTheirVersion() {
        assertThat(ArxivId.parseOrThrow("2406.01234v3")).isEqualTo(new ArxivId("2406.01234", 3));
        assertThat(ArxivId.parseOrThrow("0704.0001")).isEqualTo(new ArxivId("0704.0001", 0));
    }

    @Test
    void oldStyleIdsKeepTheirArchiveAndSubjectClass() {
        assertThat(ArxivId.parseOrThrow("hep-th/9901001v2")).isEqualTo(new ArxivId("hep-th/9901001", 2));
        assertThat(ArxivId.parseOrThrow("math.GT/0309136")).isEqualTo(new ArxivId("math.GT/0309136", 0));
        // found by ArxivIdFuzzTest: the pattern ignores case, so the subject class came back as typed
        assertThat(ArxivId.parseOrThrow("Math.gT/0309136")).isEqualTo(new ArxivId("math.GT/0309136", 0));
    }

    @Test
    void prefixesAndUrlsAreUnwrapped() {
        assertThat(ArxivId.parseOrThrow("arXiv:2104.12255v1").id()).isEqualTo("2104.12255");
        assertThat(ArxivId.parseOrThrow("http://arxiv.org/abs/2104.12255v1")).isEqualTo(new ArxivId("2104.12255", 1));
        assertThat(ArxivId.parseOrThrow("https://arxiv.org/pdf/quant-ph/0201082v1").id()).isEqualTo("quant-ph/0201082");
    }

    @Test
    void garbageIsRefusedWithTheOffendingValue() {
        assertThat(ArxivId.parse("abc")).isEmpty();
        assertThat(ArxivId.parse("")).isEmpty();
        assertThat(ArxivId.parse(null)).isEmpty();
        assertThatThrownBy(() -> ArxivId.parseOrThrow("12.34")).hasMessageContaining("'12.34'");
    }

    @Test
    void anAbsurdVersionIsNotAnIdInsteadOfAnOverflow() {
        // issue 9, finding 7: Integer.parseInt threw NumberFormatException, a 500 on /papers/… and an aborted import
        assertThat(ArxivId.parse("2406.01234v99999999999")).isEmpty();
        assertThat(ArxivId.parse("2406.01234v9999999")).isEmpty();
        assertThat(ArxivId.parseOrThrow("2406.01234v999999")).isEqualTo(new ArxivId("2406.01234", 999_999));
        assertThatThrownBy(() -> ArxivId.parseOrThrow("2406.01234v99999999999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2406.01234v99999999999'");
    }
}

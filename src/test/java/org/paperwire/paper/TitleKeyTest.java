package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 10, import: one title written the ways arXiv, BibTeX and CSL-JSON write it gives one key. */
class TitleKeyTest {
    @Test
    void caseBracesPunctuationAndWhitespaceDoNotCount() {
        assertThat(TitleKey.of("Attention Is All\n  You Need").text()).isEqualTo("attentionisallyouneed");
        assertThat(TitleKey.of("{Attention} is {A}ll you need."))
                .isEqualTo(TitleKey.of("Attention Is All You Need"));
        assertThat(TitleKey.of("Self-Supervised Learning: A Survey"))
                .isEqualTo(TitleKey.of("Self Supervised Learning -- a survey"));
    }

    @Test
    void texAccentsAndUnicodeAccentsAgree() {
        TitleKey unicode = TitleKey.of("Schrödinger equations on Gödel's universe, naïvely");
        assertThat(TitleKey.of("Schr\\\"odinger equations on G{\\\"o}del's universe, na\\\"{\\i}vely")).isEqualTo(unicode);
        assertThat(TitleKey.of("Schr{\\\"{o}}dinger equations on G\\\"{o}del's universe, naïvely")).isEqualTo(unicode);
        assertThat(TitleKey.of("{\\O}rsted and Stra{\\ss}e")).isEqualTo(TitleKey.of("Ørsted and Straße"));
        assertThat(TitleKey.of("\\v{C}ech cohomology")).isEqualTo(TitleKey.of("Čech cohomology"));
    }

    @Test
    void formattingCommandsGoAndSymbolsBecomeTheirNames() {
        assertThat(TitleKey.of("$\\alpha$-Divergences for \\emph{Deep} \\textbf{Nets}"))
                .isEqualTo(TitleKey.of("α-divergences for deep nets"));
        assertThat(TitleKey.of("$\\mathcal{O}(n^2)$ attention").text()).isEqualTo("on2attention");
    }

    @Test
    void differentTitlesKeepDifferentKeysAndHashes() {
        TitleKey a = TitleKey.of("Deep Residual Learning");
        TitleKey b = TitleKey.of("Deep Residual Learning II");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.hash()).isNotEqualTo(b.hash()).isEqualTo(TitleKey.of("deep residual learning").hash());
    }

    @Test
    void aTitleWithoutLettersOrDigitsIsEmpty() {
        assertThat(TitleKey.of("{--}?!").isEmpty()).isTrue();
        assertThat(TitleKey.of(null).isEmpty()).isTrue();
    }
}

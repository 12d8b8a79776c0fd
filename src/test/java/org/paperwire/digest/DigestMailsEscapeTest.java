package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestMailsEscapeTest {
    @Test
    void escapingDropsWhatHtmlCannotCarryAndEscapesMarkup() {
        // issue 9, finding 7: a paper stored before ingest cleaned control characters must not break a mail
        assertThat(DigestMails.esc("<b>Bell\u0007</b> & \"x\"\u0000")).isEqualTo("&lt;b&gt;Bell&lt;/b&gt; &amp; &quot;x&quot;");
    }
}

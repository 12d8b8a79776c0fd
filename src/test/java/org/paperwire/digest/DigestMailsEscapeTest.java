package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.mail.MailMessage;

class DigestMailsEscapeTest {
    @Test
    void escapingDropsWhatHtmlCannotCarryAndEscapesMarkup() {
        // issue 9, finding 7: a paper stored before ingest cleaned control characters must not break a mail;
        // since issue 12, point 5 the jte templates escape and the mail output drops what XML cannot carry
        MailMessage m = MailRenderingTest.MAILS.digest(new Digest(MailRenderingTest.ADA, MailRenderingTest.PERIOD,
                List.of(MailRenderingTest.item("2603.00001", "<b>Bell\u0007</b> & \"x\"\u0000", List.of("A"), "a", 0))));
        assertThat(m.html()).contains(">&lt;b&gt;Bell&lt;/b&gt; &amp; \"x\"</a>");
        assertThat(m.text()).contains("1. <b>Bell</b> & \"x\"\n");
    }
}

package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transfer encoding {@link MimeMessages} chooses itself is the one Jakarta Mail would have chosen. */
class TransferEncodingTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "plain ASCII\nin two lines\n",
        "curly ‘quotes’ and an ellipsis …",
        "Schrödinger's café, naïve",
        "深度学习的大规模语言模型",
        "a tab\there and a bell \u0007 there",
        "an emoji 🙂 among words",
        "an unpaired surrogate \ud83d among words, = and DEL \u007f\r\nand a space at the end ",
        ""})
    void matchesJakartaMail(String text) throws Exception {
        assertThat(MimeMessages.transferEncoding(text)).isEqualTo(jakartaChoice(text));
    }

    @Test
    void longLinesAreNotSevenBit() throws Exception {
        String line = "x".repeat(999);
        assertThat(MimeMessages.transferEncoding(line)).isEqualTo("quoted-printable").isEqualTo(jakartaChoice(line));
        String fits = "x".repeat(998) + "\n" + "y".repeat(998);
        assertThat(MimeMessages.transferEncoding(fits)).isEqualTo("7bit").isEqualTo(jakartaChoice(fits));
    }

    private static String jakartaChoice(String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name(), "plain");
        m.setContent(new jakarta.mail.internet.MimeMultipart(part));
        m.saveChanges();
        return part.getEncoding();
    }
}

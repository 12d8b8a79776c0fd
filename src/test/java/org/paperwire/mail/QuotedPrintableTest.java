package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.eclipse.angus.mail.util.QPEncoderStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link QuotedPrintable} writes the bytes Jakarta Mail's own quoted-printable encoder writes. */
class QuotedPrintableTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain ASCII\nin two lines\n",
        "Schrödinger's café, naïve — ‘quoted’ … 🙂",
        "a = sign, =3D already, and ==",
        "trailing space \nand trailing tab\t\nend with a space ",
        "CRLF\r\nlone CR\rlone LF\nCR CR\r\r and LF LF\n\n",
        "control \u0001 and DEL \u007f",
        "unpaired surrogates \ud83d here, \ude42 there, and at the end \ud83d",
        "spaces    in   a row     \n     ",
        "<p style=\"margin:0\">HTML with attributes</p>\n"})
    void matchesJakartaMail(String text) throws Exception {
        assertThat(new String(QuotedPrintable.encode(text).bytes(), StandardCharsets.US_ASCII)).isEqualTo(jakarta(text));
    }

    @Test
    void matchesJakartaMailOnLongLinesAtEveryBreakPosition() throws Exception {
        for (int n = 60; n < 240; n++) { // encoded characters land on every position around the 76-character limit
            String plain = "x".repeat(n);
            String accents = "é".repeat(n / 3) + " " + "y".repeat(n % 7) + "=" + "z".repeat(n);
            assertThat(new String(QuotedPrintable.encode(plain).bytes(), StandardCharsets.US_ASCII)).isEqualTo(jakarta(plain));
            assertThat(new String(QuotedPrintable.encode(accents).bytes(), StandardCharsets.US_ASCII)).isEqualTo(jakarta(accents));
        }
    }

    @Test
    void matchesJakartaMailOnRandomText() throws Exception {
        matchesOnRandomText("ab =\t\r\n.é‘’…🙂\u0002", 400);
    }

    @Test
    void matchesJakartaMailOnRandomTextOfLongPlainRuns() throws Exception { // runs that cross lines, as in a digest
        matchesOnRandomText("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.,;:<>/\"'    abcdefghijklmnop\n=é", 3000);
    }

    private static void matchesOnRandomText(String alphabet, int maxLength) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 500; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(maxLength);
            while (text.length() < length) {
                int at = random.nextInt(alphabet.length());
                if (Character.isHighSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet, at, at + 2);
                } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet.charAt(at));
                }
            }
            String s = text.toString();
            assertThat(new String(QuotedPrintable.encode(s).bytes(), StandardCharsets.US_ASCII)).as(s).isEqualTo(jakarta(s));
        }
    }

    private static String jakarta(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QPEncoderStream qp = new QPEncoderStream(out);
        qp.write(text.getBytes(StandardCharsets.UTF_8));
        qp.flush();
        return out.toString(StandardCharsets.US_ASCII);
    }
}

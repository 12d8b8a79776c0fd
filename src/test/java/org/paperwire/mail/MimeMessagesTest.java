package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A message {@link MimeMessages} renders reads back as what was given, in the transfer encoding Jakarta would pick. */
class MimeMessagesTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void quotedPrintablePartsReadBackAsTheirText() throws Exception {
        String text = "Recommended from your collection ‘Library’ …\nSchrödinger = café \n" + "long line ".repeat(30);
        String html = "<p style=\"margin:0\">Schrödinger’s café — naïve</p>\n" + "<b>x</b> ".repeat(40);
        byte[] bytes = render(text, html);

        String raw = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(raw).containsIgnoringCase("Content-Transfer-Encoding: quoted-printable");
        assertThat(raw.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        MimeMultipart parts = (MimeMultipart) new MimeMessage(SESSION, new ByteArrayInputStream(bytes)).getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertPart((MimeBodyPart) parts.getBodyPart(0), "text/plain", "quoted-printable", text);
        assertPart((MimeBodyPart) parts.getBodyPart(1), "text/html", "quoted-printable", html);
    }

    @Test
    void asciiPartsStaySevenBit() throws Exception {
        byte[] bytes = render("plain words\nonly", "<p>plain</p>");
        MimeMultipart parts = (MimeMultipart) new MimeMessage(SESSION, new ByteArrayInputStream(bytes)).getContent();
        assertPart((MimeBodyPart) parts.getBodyPart(0), "text/plain", "7bit", "plain words\r\nonly");
        assertPart((MimeBodyPart) parts.getBodyPart(1), "text/html", "7bit", "<p>plain</p>");
    }

    @Test
    void theStreamProviderWritesTheBytesAngusMailsOwnWrites() {
        String text = "Recommended from your collection ‘Library’ …\nSchrödinger = café \n" + "long line ".repeat(30);
        String html = "<p>Schrödinger’s café</p>\n" + "<b>x</b> ".repeat(40);
        String ours = withoutBoundaries(render(text, html));
        assertThat(jakarta.mail.util.StreamProvider.provider()).isInstanceOf(MailStreams.class);
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        try {
            assertThat(jakarta.mail.util.StreamProvider.provider()).isNotInstanceOf(MailStreams.class);
            assertThat(withoutBoundaries(render(text, html))).isEqualTo(ours).contains("Schr=C3=B6dinger");
        } finally {
            System.setProperty("jakarta.mail.util.StreamProvider", MailStreams.class.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain words\nonly", "Schrödinger’s café — naïve = ok \nline two\r\nthree ",
        "ünïcödé ‘mostly’ “not” ascii…", "a line far longer than 998 characters", ""})
    void theMessageIsTheOneJakartaWritesOnItsOwn(String text) throws Exception {
        String body = text.startsWith("a line far longer") ? text + " and on".repeat(200) : text;
        String html = "<p style=\"margin:0\">" + body + "</p>\n";
        MailMessage m = new MailMessage("<id@papers.example.org>", "reader@example.org", "Today's papers", html, body,
                Map.of("List-Id", "<digest.papers.example.org>"));
        Instant date = Instant.parse("2026-12-01T07:00:00Z");

        MimeMessage jakarta = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", m.messageId());
            }
        };
        jakarta.setFrom(new InternetAddress("digest@papers.example.org"));
        jakarta.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to()));
        jakarta.setSubject(m.subject(), "UTF-8");
        jakarta.setSentDate(Date.from(date));
        jakarta.setHeader("List-Id", "<digest.papers.example.org>");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(body, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        jakarta.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        jakarta.saveChanges(); // Jakarta chooses each part's transfer encoding and encodes it itself

        String ours = withoutBoundaries(MimeMessages.toBytes(SESSION, "digest@papers.example.org", m, date,
                MailSigner.none()).bytes());
        assertThat(ours).isEqualTo(withoutBoundaries(MimeMessages.bytes(jakarta)));
    }

    /** The bytes with each multipart boundary (unique per message) replaced by one word. */
    private static String withoutBoundaries(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("----=_Part_[0-9_.]+", "BOUNDARY");
    }

    private static void assertPart(MimeBodyPart part, String type, String encoding, String content) throws Exception {
        assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        assertThat(part.getEncoding()).isEqualTo(encoding);
        assertThat(part.getHeader("Content-Transfer-Encoding")).hasSize(1);
        assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(content.replace("\r\n", "\n"));
    }

    private static byte[] render(String text, String html) {
        MailMessage m = new MailMessage("<id@papers.example.org>", "reader@example.org", "Today's papers", html, text,
                Map.of());
        return MimeMessages.toBytes(SESSION, "digest@papers.example.org", m, Instant.parse("2026-12-01T07:00:00Z"),
                MailSigner.none()).bytes();
    }
}

package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The bench's SMTP sink receives what a real client sends, byte for byte, dot-stuffing undone. */
class SmtpSinkTest {
    @Test
    void keepsEachMessageAsTheClientWroteItLinesStartingWithADotAndBuffersFullIncluded() throws Exception {
        List<byte[]> received = new CopyOnWriteArrayList<>();
        try (SmtpSink sink = new SmtpSink(Duration.ZERO, received::add)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(sink.port()));
            Session session = Session.getInstance(props);
            StringBuilder body = new StringBuilder(".starts with a dot\n..two dots\n.\nalone above: a dot\n");
            for (int i = 0; i < 3_000; i++) { // about 200 KB: lines across many reads of the sink's 64 KB buffer
                body.append("line ").append(i).append(" of a long body, with some words to make it wider\n");
            }
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("from@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("to@example.org"));
            message.setSubject("sink");
            message.setText(body.toString(), "UTF-8");
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Transport.send(message); // gives it a new Message-ID each time
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                message.writeTo(written);
                // on the wire every line ends in CR LF (the transport's conversion), and the last one too
                String wire = written.toString(StandardCharsets.ISO_8859_1).replaceAll("\r?\n", "\r\n");
                sent.add(wire.endsWith("\r\n") ? wire : wire + "\r\n");
            }

            assertThat(sent.get(0)).contains("\r\n.starts with a dot\r\n").contains("\r\n.\r\n");
            assertThat(received).extracting(raw -> new String(raw, StandardCharsets.ISO_8859_1))
                    .containsExactlyElementsOf(sent);
            assertThat(sink.accepted()).isEqualTo(2);
        }
    }

    @Test
    void aClientGoneMidMessageLeavesNothingAccepted() throws Exception {
        List<byte[]> received = new CopyOnWriteArrayList<>();
        try (SmtpSink sink = new SmtpSink(Duration.ZERO, received::add);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("HELO x\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nSubject: cut\r\n\r\nhalf a li".getBytes(
                    StandardCharsets.US_ASCII));
            out.flush();
            byte[] replies = new byte[4096];
            int read = 0;
            while (!new String(replies, 0, read, StandardCharsets.US_ASCII).contains("354")) {
                read += in.read(replies, read, replies.length - read);
            }
            socket.shutdownOutput();
            assertThat(in.read()).isEqualTo(-1); // the sink closed the session
            assertThat(received).isEmpty();
            assertThat(sink.accepted()).isZero();
        }
    }
}

package org.paperwire.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds the MIME form of a {@link MailMessage}: multipart/alternative, plain text first, then HTML. */
public final class MimeMessages {
    /** The system property Jakarta Mail reads the class of its stream provider from, before it searches for one. */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up on every part and message it writes, searching the class path
        // unless this property names it (jakartaee/mail-api#861): a twentieth of the time spent building digests.
        // Ours is Angus Mail's, with line streams that do not write a byte at a time.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreams.class.getName());
        }
    }

    private MimeMessages() {}

    public static MimeMessage build(Session session, String from, MailMessage m, Instant date) throws MessagingException {
        MimeMessage mime = new FixedIdMessage(session, m.messageId());
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to()));
        mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(date));
        for (Map.Entry<String, String> h : new TreeMap<>(m.headers()).entrySet()) {
            mime.setHeader(h.getKey(), h.getValue());
        }
        MimeBodyPart text = part(m.text(), "plain");
        MimeBodyPart html = part(m.html(), "html");
        // the last part is the preferred one (RFC 2046): clients that render HTML show it, others the text
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /**
     * A UTF-8 text part whose transfer encoding is chosen here, from the string, by Jakarta Mail's own rule
     * ({@link QuotedPrintable.Encoded#transferEncoding}): left to {@code saveChanges}, the choice writes the whole text
     * through a byte-at-a-time stream once more. A 7bit or quoted-printable part is encoded here too
     * ({@link QuotedPrintable}, byte for byte what Jakarta's encoder writes) and handed over as bytes: given a string,
     * Jakarta writes it through a character encoder into a stream that passes it on a byte at a time.
     * {@code MimeMessagesTest} checks the message is the one Jakarta writes on its own.
     */
    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        QuotedPrintable.Encoded quoted = QuotedPrintable.encode(content);
        String encoding = quoted.transferEncoding();
        MimeBodyPart part;
        if (encoding.equals("base64")) { // a text mostly not in ASCII: rare, left to Jakarta
            part = new MimeBodyPart();
            part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        } else {
            String type = "text/" + subtype + "; charset=" + StandardCharsets.UTF_8.name();
            byte[] encoded = encoding.equals("7bit") ? content.getBytes(StandardCharsets.US_ASCII) : quoted.bytes();
            part = new PreencodedMimeBodyPart(encoding);
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(encoded, type)));
            part.setHeader("Content-Type", type);
        }
        part.setHeader("Content-Transfer-Encoding", encoding);
        return part;
    }

    /** The transfer encoding {@link #part} chooses for a text. */
    static String transferEncoding(String content) {
        return QuotedPrintable.encode(content).transferEncoding();
    }

    /**
     * The one function that turns a {@link MailMessage} into the bytes that go out: every mail, digest or
     * confirmation, passes here once, and those bytes are stored and sent on every attempt. Anything that must
     * change the bytes (a DKIM signature) belongs here, after {@link #build}.
     *
     * @throws IllegalArgumentException when an address is not one (the message names it)
     */
    public static RenderedMail toBytes(Session session, String from, MailMessage m, Instant date,
            MailSigner signer) {
        try {
            return new RenderedMail(m.messageId(), m.to(), signer.sign(bytes(build(session, from, m, date))));
        } catch (AddressException e) {
            throw new IllegalArgumentException("cannot mail '" + e.getRef() + "': " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the message to " + m.to() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A message that writes exactly {@code bytes}: parsed for its recipients, never re-serialised, so what goes
     * over SMTP is what {@link #toBytes} rendered.
     */
    static MimeMessage exact(Session session, byte[] bytes) throws MessagingException {
        return new ExactMessage(session, bytes);
    }

    /** The message as RFC 5322 bytes ({@code .eml}). */
    public static byte[] bytes(MimeMessage mime) {
        try {
            ByteSink out = new ByteSink(16 * 1024);
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write message " + e.getMessage(), e);
        }
    }

    private static final class ExactMessage extends MimeMessage {
        private final byte[] raw;

        ExactMessage(Session session, byte[] raw) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
            this.raw = raw;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
            os.write(raw);
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            os.write(raw);
        }
    }

    /** A message whose Message-ID is ours, not a fresh one per {@code saveChanges}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /**
     * A growable byte array without the locks of {@link ByteArrayOutputStream}: Jakarta Mail's encoders write a
     * message a byte at a time, and the locks were the largest single cost of building digests.
     */
    private static final class ByteSink extends OutputStream {
        private byte[] bytes;
        private int size;

        ByteSink(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}

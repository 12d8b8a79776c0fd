package org.paperwire.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Builds the MIME form of a {@link MailMessage}: multipart/alternative, plain text first, then HTML. */
public final class MimeMessages {
    private MimeMessages() {}

    public static MimeMessage build(Session session, String from, MailMessage m, Instant date) throws MessagingException {
        MimeMessage mime = new FixedIdMessage(session, m.messageId());
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(m.to()));
        mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(date));
        for (Map.Entry<String, String> h : new java.util.TreeMap<>(m.headers()).entrySet()) {
            mime.setHeader(h.getKey(), h.getValue());
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
        // the last part is the preferred one (RFC 2046): clients that render HTML show it, others the text
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /**
     * The message as it leaves Paperwire: built, rendered to RFC 5322 bytes and signed. Every mail passes through
     * here, so this is the one place where it gets its DKIM signature.
     */
    public static byte[] render(Session session, String from, MailMessage m, Instant date, MailSigner signer)
            throws MessagingException {
        return signer.sign(bytes(build(session, from, m, date)));
    }

    /** The message as RFC 5322 bytes ({@code .eml}). */
    public static byte[] bytes(MimeMessage mime) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write message " + e.getMessage(), e);
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
}

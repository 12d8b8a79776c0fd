package org.paperwire.mail;

/**
 * A mail in its final form: the exact RFC 5322 bytes that go out, rendered once by {@link Mailer#render} and
 * stored, so that every attempt sends the very same bytes (same Date, boundary and Message-ID).
 *
 * @param messageId the Message-ID inside {@code bytes}, to name and recognise the mail
 * @param to the one recipient (the envelope's RCPT TO)
 * @param bytes the message, with CRLF line ends
 */
public record RenderedMail(String messageId, String to, byte[] bytes) {}

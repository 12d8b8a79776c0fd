package org.paperwire.mail;

import java.util.Map;

/**
 * A mail ready to send: an HTML part and a plain-text part of the same content, plus extra headers
 * ({@code List-Unsubscribe}, ...). {@code messageId} is fixed by the caller so that a retried send is the
 * very same message, which receivers can recognise.
 */
public record MailMessage(String messageId, String to, String subject, String html, String text,
        Map<String, String> headers) {
    public MailMessage {
        headers = Map.copyOf(headers);
    }
}

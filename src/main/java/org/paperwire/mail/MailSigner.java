package org.paperwire.mail;

import jakarta.mail.MessagingException;

/**
 * The last step of rendering a mail: signs its finished RFC 5322 bytes ({@link DkimSigner}), or, without a signing
 * configuration, leaves them as they are. Thread-safe.
 */
@FunctionalInterface
public interface MailSigner {
    /** The message with its signature; everything else byte for byte as given. */
    byte[] sign(byte[] mime) throws MessagingException;

    /** Leaves every message unsigned. */
    static MailSigner none() {
        return mime -> mime;
    }
}

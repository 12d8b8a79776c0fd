package org.paperwire.mail;

/**
 * A mail that could not be handed over. {@code temporary} failures (SMTP 4xx, refused connections, timeouts)
 * are worth retrying later; permanent ones (5xx such as an unknown mailbox) are not.
 *
 * @param code the SMTP reply code when the server gave one, else 0
 */
public final class MailException extends Exception {
    private final boolean temporary;
    private final int code;

    public MailException(String message, boolean temporary, int code, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
        this.code = code;
    }

    public boolean temporary() {
        return temporary;
    }

    public int code() {
        return code;
    }
}

package org.paperwire.mail;

/**
 * Hands mails over for delivery: to an SMTP server ({@link SmtpMailer}) or, with no server configured, to
 * an outbox folder ({@link OutboxFolderMailer}). Thread-safe; at most {@link #concurrency()} sends run at once.
 */
public interface Mailer extends AutoCloseable {
    void send(MailMessage message) throws MailException;

    /** How many sends are worth running at once (pooled connections). */
    int concurrency();

    /** Where mail goes, for the log and the status page. */
    String describe();

    @Override
    void close();
}

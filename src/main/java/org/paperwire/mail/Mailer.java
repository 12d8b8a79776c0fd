package org.paperwire.mail;

/**
 * Hands mails over for delivery: to an SMTP server ({@link SmtpMailer}) or, with no server configured, to
 * an outbox folder ({@link OutboxFolderMailer}). Thread-safe; at most {@link #concurrency()} sends run at once.
 */
public interface Mailer extends AutoCloseable {
    /**
     * Renders {@code message} to the bytes that go out, dated now. Each implementation does it with
     * {@link MimeMessages#toBytes}, the one place where a mail becomes bytes (signing belongs there).
     *
     * @throws IllegalArgumentException when the message cannot be a mail (an address that is not one)
     */
    RenderedMail render(MailMessage message);

    /** Hands over the rendered bytes exactly as they are. */
    void send(RenderedMail mail) throws MailException;

    /** Renders and sends at once, for mails that are never retried. */
    default void send(MailMessage message) throws MailException {
        RenderedMail mail;
        try {
            mail = render(message);
        } catch (IllegalArgumentException e) {
            throw new MailException(e.getMessage(), false, 0, e);
        }
        send(mail);
    }

    /** How many sends are worth running at once (pooled connections). */
    int concurrency();

    /** Where mail goes, for the log and the status page. */
    String describe();

    @Override
    void close();
}

package org.paperwire.mail;

import jakarta.mail.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.Properties;

/**
 * The embedded default without an SMTP server: each mail becomes an {@code .eml} file in {@code DATA_DIR/outbox},
 * named after its Message-ID (so a retried send overwrites rather than duplicates) and written atomically.
 */
public final class OutboxFolderMailer implements Mailer {
    private final Path folder;
    private final String from;
    private final InstantSource clock;
    private final MailSigner signer;
    private final Session session = Session.getInstance(new Properties());

    /** Writes unsigned mails. */
    public OutboxFolderMailer(Path folder, String from, InstantSource clock) {
        this(folder, from, clock, MailSigner.none());
    }

    /** Writes mails signed by {@code signer}, as an SMTP server would receive them. */
    public OutboxFolderMailer(Path folder, String from, InstantSource clock, MailSigner signer) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
        this.signer = signer;
    }

    @Override
    public RenderedMail render(MailMessage message) {
        return MimeMessages.toBytes(session, from, message, clock.instant(), signer);
    }

    @Override
    public void send(RenderedMail mail) throws MailException {
        try {
            Files.createDirectories(folder);
            String name = mail.messageId().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
            Path tmp = Files.createTempFile(folder, ".writing-", ".tmp");
            Files.write(tmp, mail.bytes());
            Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MailException("cannot write to the outbox folder " + folder + ": " + e.getMessage(), true, 0, e);
        }
    }

    @Override
    public int concurrency() {
        return 1;
    }

    @Override
    public String describe() {
        return "no SMTP server configured (smtp.host): mails are written as .eml files to " + folder;
    }

    @Override
    public void close() {}
}

package org.paperwire.mail;

import java.nio.file.Path;
import java.time.InstantSource;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.slf4j.LoggerFactory;

/** Picks the mailer the configuration asks for and says in the log where mail goes. */
public final class Mailers {
    private Mailers() {}

    public static Mailer create(MailConfig config, Path dataDir, InstantSource clock) {
        MailSigner signer = DkimSigner.forConfig(config);
        Mailer mailer = config.smtpConfigured() ? new SmtpMailer(config, clock, signer)
                : new OutboxFolderMailer(dataDir.resolve("outbox"), config.from(), clock, signer);
        LoggerFactory.getLogger(Mailers.class).info("mail: {}", mailer.describe());
        return mailer;
    }
}

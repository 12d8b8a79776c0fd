package org.paperwire.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.paperwire.config.PaperwireConfig.SmtpSecurity;
import org.paperwire.net.KeyFiles;

/**
 * Sends through an SMTP server with Jakarta Mail (Angus Mail): STARTTLS (required, never silently plain) or
 * SMTPS, and authentication when a user name is configured. A fixed pool of {@code smtp.connections}
 * transports is reused across messages (one SMTP session carries many mails), and the pool's size bounds how
 * many sends run at once: a caller waits for a free connection, at most {@code smtp.timeout}.
 */
public final class SmtpMailer implements Mailer {
    private final MailConfig config;
    private final InstantSource clock;
    private final Session session;
    private final String protocol;
    private final BlockingQueue<Transport> pool;
    private final MailSigner signer;

    /** Signs with DKIM when {@code config} says so ({@link DkimSigner#forConfig}). */
    public SmtpMailer(MailConfig config, InstantSource clock) {
        this(config, clock, DkimSigner.forConfig(config));
    }

    /** @param signer signs every mail as it is rendered ({@link MailSigner#none()} for none) */
    public SmtpMailer(MailConfig config, InstantSource clock, MailSigner signer) {
        this.config = config;
        this.clock = clock;
        this.signer = signer;
        this.protocol = config.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(config, protocol));
        this.pool = new ArrayBlockingQueue<>(config.connections(), true); // fair: waiters in turn
        for (int i = 0; i < config.connections(); i++) {
            pool.add(newTransport());
        }
    }

    private static Properties properties(MailConfig config, String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        String timeout = Long.toString(config.timeout().toMillis());
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", config.smtpHost());
        p.put(prefix + "port", Integer.toString(config.smtpPort()));
        p.put(prefix + "connectiontimeout", timeout);
        p.put(prefix + "timeout", timeout);
        p.put(prefix + "writetimeout", timeout);
        p.put(prefix + "auth", Boolean.toString(!config.username().isBlank()));
        if (config.security() == SmtpSecurity.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (config.security() != SmtpSecurity.NONE) { // SMTPS connects with it; STARTTLS layers it over the plain socket
            p.put(prefix + "ssl.socketFactory", NoDelaySockets.tls(config.trustStore().map(KeyFiles::trusting)
                    .orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault())));
        }
        if (config.security() != SmtpSecurity.SMTPS) {
            p.put(prefix + "socketFactory", NoDelaySockets.plain());
        }
        // when our factory's connection fails, Angus would by default try again with the JVM's default one, whose
        // CAs and error message are not the configured ones
        p.put(prefix + "socketFactory.fallback", "false");
        if (config.security() != SmtpSecurity.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    private Transport newTransport() {
        try {
            return session.getTransport(protocol);
        } catch (MessagingException e) {
            throw new IllegalStateException("no Jakarta Mail transport for " + protocol, e);
        }
    }

    @Override
    public RenderedMail render(MailMessage message) {
        return MimeMessages.toBytes(session, config.from(), message, clock.instant(), signer);
    }

    @Override
    public void send(RenderedMail mail) throws MailException {
        MimeMessage mime;
        Address[] to;
        try {
            mime = MimeMessages.exact(session, mail.bytes());
            to = new Address[] {new InternetAddress(mail.to())};
        } catch (MessagingException e) {
            throw new MailException("cannot read the stored message to " + mail.to() + ": " + e.getMessage(), false, 0, e);
        }
        Transport transport = takeConnection();
        try {
            if (!transport.isConnected()) {
                transport.connect(config.smtpHost(), config.smtpPort(),
                        config.username().isBlank() ? null : config.username(),
                        config.username().isBlank() ? null : config.password());
            }
            transport.sendMessage(mime, to);
        } catch (MessagingException e) {
            closeQuietly(transport);
            transport = newTransport(); // a failed session may be half-open: start the next send afresh
            throw classify(e, mail.to());
        } finally {
            pool.add(transport);
        }
    }

    /**
     * A pooled connection, waiting at most {@code smtp.timeout} for one to be free: with a slow server every
     * connection may be busy, and a caller must not wait without end.
     */
    private Transport takeConnection() throws MailException {
        try {
            Transport transport = pool.poll(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (transport == null) {
                throw new MailException("no SMTP connection became free within smtp.timeout (" + config.timeout()
                        + "): all " + config.connections() + " are busy with a slow server", true, 0, null);
            }
            return transport;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException("interrupted while waiting for an SMTP connection", true, 0, e);
        }
    }

    /** 5xx replies are permanent; 4xx, refused connections, timeouts and authentication trouble are temporary. */
    static MailException classify(MessagingException e, String to) {
        int code = replyCode(e);
        String where = "SMTP delivery to " + to + " failed";
        if (code >= 500) {
            return new MailException(where + " permanently (" + code + "): " + e.getMessage(), false, code, e);
        }
        if (e instanceof AuthenticationFailedException) {
            return new MailException(where + ": the SMTP server refused the login; check smtp.username and"
                    + " smtp.password (" + e.getMessage() + ")", true, code, e);
        }
        String tls = tlsProblem(e);
        if (tls != null) {
            return new MailException(where + ": " + tls, true, code, e);
        }
        String detail = code > 0 ? " (" + code + ")" : cause(e) instanceof IOException io ? " (" + io + ")" : "";
        return new MailException(where + " for now" + detail + ": " + e.getMessage(), true, code, e);
    }

    /** Why TLS with the server failed, naming the setting to fix; null when TLS was not the trouble. */
    private static String tlsProblem(MessagingException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            String m = String.valueOf(t.getMessage());
            // Angus' own check, or the one it asks of JSSE (HostnameChecker's "No subject alternative DNS name
            // matching ..." / "No name matching ...")
            if (m.startsWith("Can't verify identity of server") || t instanceof CertificateException
                    && (m.startsWith("No subject alternative") || m.startsWith("No name matching"))) {
                return "the SMTP server's TLS certificate is not issued for the name in smtp.host; set smtp.host to a"
                        + " name the certificate carries (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateException) {
                return "the SMTP server's TLS certificate is not trusted (" + t.getMessage() + "); if a private CA"
                        + " issued it, set smtp.trust-store to that CA's certificate";
            }
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SSLException) {
                return "TLS with the SMTP server failed (" + t.getMessage() + "); check smtp.security (smtps for port"
                        + " 465, starttls for 587)";
            }
        }
        return null;
    }

    private static int replyCode(Exception e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while (next(t) != null) {
            t = next(t);
        }
        return t;
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (MessagingException e) {
            // the connection is being discarded anyway
        }
    }

    @Override
    public int concurrency() {
        return config.connections();
    }

    @Override
    public String describe() {
        return "SMTP " + config.smtpHost() + ":" + config.smtpPort() + " (" + config.security().name().toLowerCase(
                Locale.ROOT) + ", " + config.connections() + " connections"
                + (config.trustStore().isPresent() ? ", CAs from smtp.trust-store" : "")
                + (signer instanceof DkimSigner dkim ? ", " + dkim : "") + ")";
    }

    @Override
    public void close() {
        for (Transport t : pool) {
            closeQuietly(t);
        }
    }
}

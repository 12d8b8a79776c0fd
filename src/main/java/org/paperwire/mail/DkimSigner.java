package org.paperwire.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.paperwire.config.PaperwireConfig.DkimConfig;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * Signs mails with DKIM (RFC 6376) so that large mailbox providers accept them: rsa-sha256, relaxed/relaxed
 * canonicalization (survives re-folded headers and trailing white space on the way), over the headers a receiver shows
 * or acts on, {@link #SIGNED_HEADERS} among them. The signature's time ({@code t=}) is the message's Date, so the same
 * message signs to the same bytes. No {@code l=} (a body length would let anyone append to a signed mail) and no DNS
 * look-up per mail (README's Deliverability section shows how to check the published key once).
 */
public final class DkimSigner implements MailSigner {
    /** Signed whenever present, besides the library's defaults (Cc, Reply-To, Sender, the other List-* ...). */
    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID",
            "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type", "Content-Transfer-Encoding");

    // qualified on purpose: this class wraps the library's signer of the same simple name
    private final org.simplejavamail.utils.mail.dkim.DkimSigner signer;
    private final Session session = Session.getInstance(new Properties());
    private final String describe;

    public DkimSigner(DkimConfig config) {
        this.signer = new org.simplejavamail.utils.mail.dkim.DkimSigner(config.domain(), config.selector(),
                config.privateKey());
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setLengthParam(false);
        signer.setCheckDomainKey(false);
        SIGNED_HEADERS.forEach(signer::addHeaderToSign);
        this.describe = "DKIM d=" + config.domain() + " s=" + config.selector();
    }

    /** The signer {@code mail.dkim.*} asks for: DKIM when configured, else none. */
    public static MailSigner forConfig(MailConfig config) {
        return config.dkim().<MailSigner>map(DkimSigner::new).orElse(MailSigner.none());
    }

    /**
     * The message with a {@code DKIM-Signature} header in front; its other headers and body are written back as they
     * were parsed. Synchronized: the library's signer keeps one {@code Signature} and one digest.
     */
    @Override
    public synchronized byte[] sign(byte[] mime) throws MessagingException {
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(mime));
        ByteArrayOutputStream out = new ByteArrayOutputStream(mime.length + 1024);
        try {
            new DkimMessage(parsed, signer).writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot DKIM-sign the message: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return describe;
    }
}

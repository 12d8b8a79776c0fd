package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.PaperwireConfig.DkimConfig;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.paperwire.config.PaperwireConfig.SmtpSecurity;

/**
 * Issue 9, finding 11: every mail is DKIM-signed when {@code mail.dkim.*} is set. The signature is checked on the bytes
 * GreenMail received by Apache James jDKIM, a verifier independent of the signing library, given the public key as the
 * DNS record {@code pw2026._domainkey.example.org} would hold it.
 */
class DkimSignerTest {
    static final KeyPair KEYS = TestPki.rsa(2048);
    static final DkimConfig DKIM = new DkimConfig("example.org", "pw2026", Path.of("dkim.key"),
            (RSAPrivateKey) KEYS.getPrivate());
    static final InstantSource CLOCK = () -> Instant.parse("2026-06-30T12:00:00Z");

    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    MailConfig config(Optional<DkimConfig> dkim) {
        return new MailConfig("127.0.0.1", smtp.getSmtp().getPort(), "", "", SmtpSecurity.NONE, 1, Duration.ofSeconds(10),
                "Paperwire <digest@papers.example.org>", Optional.empty(), dkim);
    }

    /** A digest-like mail: one-click unsubscribe headers, non-ASCII subject and body (encoded parts). */
    static MailMessage digest() {
        return new MailMessage("<d1@papers.example.org>", "reader@example.net", "Today's papers — Schrödinger, naïve Bayes",
                "<p>Grüße: 3 new papers</p>", "Grüße: 3 new papers\n\n-- \nUnsubscribe: https://papers.example.org/u",
                Map.of("List-Unsubscribe", "<https://papers.example.org/u/abc>, <mailto:digest@papers.example.org?subject=unsubscribe>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    byte[] sendAndReceive(MailConfig config) throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(config, CLOCK)) {
            mailer.send(digest());
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        smtp.getReceivedMessages()[0].writeTo(received);
        return received.toByteArray();
    }

    /** jDKIM with the key served for pw2026._domainkey.example.org only, as DNS would. */
    static List<SignatureRecord> verify(byte[] message) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            if (!"dns/txt".contentEquals(method) || !"pw2026".contentEquals(selector) || !"example.org".contentEquals(domain)) {
                throw new PermFailException("no record at " + selector + "._domainkey." + domain);
            }
            return List.of(TestPki.dnsRecord(KEYS.getPublic()));
        });
        return verifier.verify(new ByteArrayInputStream(message));
    }

    @Test
    void smtpMailsCarryASignatureAnIndependentVerifierAccepts() throws Exception {
        List<SignatureRecord> valid = verify(sendAndReceive(config(Optional.of(DKIM))));

        assertThat(valid).hasSize(1);
        SignatureRecord signature = valid.get(0);
        assertThat(signature.getDToken().toString()).isEqualTo("example.org");
        assertThat(signature.getSelector().toString()).isEqualTo("pw2026");
        assertThat(signature.getHashKeyType().toString() + "-" + signature.getHashAlgo()).isEqualTo("rsa-sha-256");
        assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
        assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
        assertThat(signature.getBodyHashLimit()).as("no l= tag: nothing can be appended").isEqualTo(-1);
        assertThat(signature.getHeaders().stream().map(h -> h.toString().toLowerCase(Locale.ROOT)))
                .contains("from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post",
                        "mime-version", "content-type");
    }

    @Test
    void aChangedSubjectOrBodyNoLongerVerifies() throws Exception {
        String received = new String(sendAndReceive(config(Optional.of(DKIM))), StandardCharsets.ISO_8859_1);
        String otherSubject = received.replaceFirst("(?m)^Subject: .*$", "Subject: You won");
        String otherBody = received.replace("PHA+R3L", "PHA+R3M").replace("Gr=C3=BC", "Gr=C3=B6");

        assertThat(otherSubject).isNotEqualTo(received);
        assertThat(otherBody).isNotEqualTo(received);
        for (String forged : List.of(otherSubject, otherBody)) {
            assertThatThrownBy(() -> verify(forged.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(FailException.class);
        }
    }

    @Test
    void withoutDkimSettingsMailsGoOutUnsigned() throws Exception {
        String received = new String(sendAndReceive(config(Optional.empty())), StandardCharsets.ISO_8859_1);
        assertThat(received).doesNotContainIgnoringCase("DKIM-Signature");
    }

    @Test
    void signingPutsOneHeaderInFrontAndLeavesEveryOtherByteAsItWas() throws Exception {
        Session session = Session.getInstance(new Properties());
        byte[] unsigned = MimeMessages.toBytes(session, "digest@papers.example.org", digest(), CLOCK.instant(),
                MailSigner.none()).bytes();
        DkimSigner signer = new DkimSigner(DKIM);

        byte[] signed = signer.sign(unsigned);

        String text = new String(signed, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("DKIM-Signature: v=1; a=rsa-sha256; q=dns/txt; c=relaxed/relaxed;");
        assertThat(text).endsWith(new String(unsigned, StandardCharsets.ISO_8859_1));
        assertThat(text.indexOf("DKIM-Signature")).isEqualTo(text.lastIndexOf("DKIM-Signature"));
        assertThat(signer.sign(unsigned)).as("same message, same signature: a resend is byte-identical").isEqualTo(signed);
        assertThat(verify(signed)).hasSize(1);
    }

    @Test
    void outboxFolderMailsAreSignedLikeSmtpOnes(@TempDir Path dir) throws Exception {
        new OutboxFolderMailer(dir, "Paperwire <digest@papers.example.org>", CLOCK, DkimSigner.forConfig(config(Optional.of(DKIM))))
                .send(digest());

        try (Stream<Path> files = Files.list(dir)) {
            Path eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertThat(verify(Files.readAllBytes(eml))).hasSize(1);
        }
    }
}

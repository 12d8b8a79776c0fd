package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.paperwire.config.PaperwireConfig.SmtpSecurity;
import org.paperwire.net.KeyFiles;

/**
 * Issue 9, finding 11: STARTTLS and SMTPS against real TLS servers with certificate checking on. A server whose
 * certificate a private CA issued is reached once {@code smtp.trust-store} names that CA, refused without it, and
 * refused when the certificate is for another host name.
 */
class SmtpTlsTest {
    static TestPki pki;
    static KeyStore trustedCa;
    static KeyStore strangerCa;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        pki = TestPki.greenMail();
        trustedCa = KeyFiles.trustStore(pki.writeCaPem(dir.resolve("ca.pem")), "");
        strangerCa = KeyFiles.trustStore(new TestPki("localhost").writeCaPem(dir.resolve("stranger.pem")), "");
    }

    static MailConfig config(String host, int port, SmtpSecurity security, Optional<KeyStore> trust) {
        return new MailConfig(host, port, "", "", security, 1, Duration.ofSeconds(10), "Paperwire <digest@papers.example.org>",
                trust, Optional.empty());
    }

    static void send(MailConfig config) throws MailException {
        try (SmtpMailer mailer = new SmtpMailer(config, () -> Instant.parse("2026-06-30T12:00:00Z"))) {
            mailer.send(SmtpMailerTest.message(1));
        }
    }

    static void assertRefusedAsUntrusted(MailConfig config) {
        assertRefused(config, "TLS certificate is not trusted", "set smtp.trust-store to that CA's certificate");
    }

    static void assertRefusedForItsName(MailConfig config) {
        assertRefused(config, "TLS certificate is not issued for the name in smtp.host",
                "127.0.0.1");
    }

    /** Temporary: the operator may fix the setting before the retries run out. */
    static void assertRefused(MailConfig config, String... saying) {
        assertThatThrownBy(() -> send(config)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.temporary()).isTrue();
            assertThat(e.getMessage()).contains(saying);
        });
    }

    @Nested
    class Smtps {
        GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());

        {
            smtps.start();
        }

        @AfterEach
        void stop() {
            smtps.stop();
        }

        int port() {
            return smtps.getSmtps().getPort();
        }

        @Test
        void deliversWhenThePrivateCaIsTrusted() throws Exception {
            send(config("localhost", port(), SmtpSecurity.SMTPS, Optional.of(trustedCa)));
            assertThat(smtps.getReceivedMessages()).hasSize(1);
        }

        @Test
        void refusesTheServerWithTheJvmsDefaultCas() {
            assertRefusedAsUntrusted(config("localhost", port(), SmtpSecurity.SMTPS, Optional.empty()));
            assertThat(smtps.getReceivedMessages()).isEmpty();
        }

        @Test
        void refusesTheServerWhenAnotherCaIsTrusted() {
            assertRefusedAsUntrusted(config("localhost", port(), SmtpSecurity.SMTPS, Optional.of(strangerCa)));
            assertThat(smtps.getReceivedMessages()).isEmpty();
        }

        @Test
        void refusesACertificateForAnotherHostName() {
            // the certificate names localhost only; 127.0.0.1 is the same server under a name it does not carry
            assertRefusedForItsName(config("127.0.0.1", port(), SmtpSecurity.SMTPS, Optional.of(trustedCa)));
            assertThat(smtps.getReceivedMessages()).isEmpty();
        }
    }

    @Nested
    class StartTls {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        StartTlsFront front;

        {
            smtp.start();
            try {
                front = new StartTlsFront(pki.serverContext(), smtp.getSmtp().getPort());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @AfterEach
        void stop() throws Exception {
            front.close();
            smtp.stop();
        }

        @Test
        void deliversWhenThePrivateCaIsTrusted() throws Exception {
            send(config("localhost", front.port(), SmtpSecurity.STARTTLS, Optional.of(trustedCa)));
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<m1@papers.example.org>");
        }

        @Test
        void refusesTheServerWithTheJvmsDefaultCas() {
            assertRefusedAsUntrusted(config("localhost", front.port(), SmtpSecurity.STARTTLS, Optional.empty()));
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }

        @Test
        void refusesACertificateForAnotherHostName() {
            assertRefusedForItsName(config("127.0.0.1", front.port(), SmtpSecurity.STARTTLS, Optional.of(trustedCa)));
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }

        @Test
        void neverFallsBackToPlainTextWhenTheServerOffersNoStartTls() {
            assertThatThrownBy(() -> send(config("localhost", smtp.getSmtp().getPort(), SmtpSecurity.STARTTLS,
                    Optional.of(trustedCa)))).isInstanceOf(MailException.class).hasMessageContaining("STARTTLS");
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }
}

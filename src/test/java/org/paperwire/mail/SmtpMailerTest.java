package org.paperwire.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperwire.config.PaperwireConfig.MailConfig;
import org.paperwire.config.PaperwireConfig.SmtpSecurity;

/** The SMTP mailer against GreenMail with authentication: pooled connections carry many mails; a bad login says which keys to fix. */
class SmtpMailerTest {
    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("digest", "s3cret"));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    MailConfig config(String password) {
        return new MailConfig("127.0.0.1", smtp.getSmtp().getPort(), "digest", password, SmtpSecurity.NONE, 2,
                Duration.ofSeconds(10), "Paperwire <digest@papers.example.org>");
    }

    static MailMessage message(int i) {
        return new MailMessage("<m" + i + "@papers.example.org>", "reader" + i + "@example.org", "Subject " + i,
                "<p>Hello " + i + "</p>", "Hello " + i, Map.of("List-Unsubscribe", "<https://papers.example.org/u>"));
    }

    @Test
    void authenticatedMailsGoThroughThePooledConnectionsWithTheirOwnMessageId() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(config("s3cret"), () -> Instant.parse("2026-06-30T12:00:00Z"))) {
            for (int i = 0; i < 5; i++) {
                mailer.send(message(i));
            }
        }
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<m0@papers.example.org>");
        assertThat(smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")).containsExactly("<https://papers.example.org/u>");
    }

    @Test
    void aRefusedLoginIsTemporaryAndNamesTheKeysToFix() {
        try (SmtpMailer mailer = new SmtpMailer(config("wrong"), () -> Instant.parse("2026-06-30T12:00:00Z"))) {
            assertThatThrownBy(() -> mailer.send(message(1))).isInstanceOfSatisfying(MailException.class, e -> {
                assertThat(e.temporary()).isTrue();
                assertThat(e.getMessage()).contains("smtp.username").contains("smtp.password").doesNotContain("wrong");
            });
        }
    }
}

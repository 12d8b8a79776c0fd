package org.paperwire.reader;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.MailTemplates;
import org.paperwire.subscription.Subscriber;

/** The sign-in mail ({@code mail/signIn.jte}, HTML and text): one link, built from {@code public-url}. */
public final class SignInMails {
    /** What the sign-in mail shows. */
    public record SignInMail(String subject, String link, long minutes) {}

    private final URI base;
    private final BiFunction<String, Long, String> messageIds;
    private final Duration ttl;
    private final MailTemplates templates = new MailTemplates();

    /** @param messageIds a fresh Message-ID for a mail kind and subscriber id */
    public SignInMails(URI publicUrl, BiFunction<String, Long, String> messageIds, Duration ttl) {
        this.base = publicUrl;
        this.messageIds = messageIds;
        this.ttl = ttl;
    }

    public String link(String token) {
        return base + "/sign-in/link?t=" + token;
    }

    public MailMessage mail(Subscriber s, String token) {
        SignInMail model = new SignInMail("Sign in to Paperwire", link(token), ttl.toMinutes());
        return new MailMessage(messageIds.apply("sign-in", s.id()), s.email(), model.subject(),
                templates.html("signIn", model), templates.text("signIn", model), Map.of());
    }
}

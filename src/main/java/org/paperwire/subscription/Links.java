package org.paperwire.subscription;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.paperwire.subscription.LinkTokens.Purpose;

/**
 * Absolute links for mails, always built from the configured {@code public-url}, never from a request's
 * Host header (which an attacker controls).
 */
public final class Links {
    private final URI base;
    private final LinkTokens tokens;
    private final String unsubscribeMailbox;

    public Links(URI publicUrl, LinkTokens tokens, String unsubscribeMailbox) {
        this.base = publicUrl;
        this.tokens = tokens;
        this.unsubscribeMailbox = unsubscribeMailbox;
    }

    public String confirm(Subscriber s) {
        return base + "/subscription/confirm?t=" + tokens.issue(Purpose.CONFIRM, s);
    }

    public String manage(Subscriber s) {
        return base + "/subscription/manage?t=" + tokens.issue(Purpose.MANAGE, s);
    }

    /** The one-click URL: a POST to it unsubscribes (RFC 8058); a GET shows a page with a button. */
    public String unsubscribe(Subscriber s) {
        return base + "/subscription/unsubscribe?t=" + tokens.issue(Purpose.UNSUBSCRIBE, s);
    }

    /** A mailto for clients without one-click: it reaches the sender's mailbox, where the operator acts on it. */
    public String unsubscribeMailto(Subscriber s) {
        return "mailto:" + unsubscribeMailbox + "?subject="
                + URLEncoder.encode("unsubscribe " + s.email(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String paper(String id) {
        return base + "/papers/" + id;
    }

    public LinkTokens tokens() {
        return tokens;
    }
}

package org.paperwire.subscription;

import java.util.List;
import java.util.Locale;

/** Models of the subscription pages. */
public final class SubscriptionPages {
    private SubscriptionPages() {}

    /**
     * A message with an optional one-button form.
     *
     * @param action where the form posts, or null for no form
     * @param token the link token the form carries, or null
     * @param csrf the visitor's CSRF token the form carries, or null
     * @param askEmail whether the form asks for an email address
     * @param email the address to fill in, or empty
     */
    public record Notice(String title, String message, String action, String token, String csrf, boolean askEmail,
            String button, String email) {
        public Notice {
            email = email == null ? "" : email;
        }

        public Notice(String title, String message, String action, String token, String csrf, boolean askEmail,
                String button) {
            this(title, message, action, token, csrf, askEmail, button, "");
        }

        public static Notice text(String title, String message) {
            return new Notice(title, message, null, null, null, false, null);
        }
    }

    /**
     * The manage page.
     *
     * @param rows the subscriber's topics followed by empty rows (null) for new ones
     * @param next when the next digest goes out, as a sentence
     */
    public record Manage(Subscriber subscriber, String token, List<Topic> rows, String next, boolean saved) {
        public String frequency() {
            return subscriber.preferences().frequency().name().toLowerCase(Locale.ROOT);
        }
    }
}

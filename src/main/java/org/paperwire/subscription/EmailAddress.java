package org.paperwire.subscription;

import java.util.Optional;
import org.paperwire.net.Mailbox;

/**
 * Checks subscriber addresses: a bare {@code local@domain}, nothing more (no display names, no lists); the
 * parsing itself is {@link Mailbox}'s.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {}

    /** The address, stripped, or empty when it is not a single plain email address. */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.indexOf('@') <= 0 || text.contains("<")
                || text.contains(",") || text.chars().anyMatch(c -> c <= ' ')) {
            return Optional.empty();
        }
        return Mailbox.parse(text).filter(m -> m.displayName().isEmpty()).map(Mailbox::address);
    }

    /** The address, or an {@link IllegalArgumentException} that quotes the input. */
    public static String parseOrThrow(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(
                "'" + raw + "' is not an email address (expected something like name@example.org)"));
    }
}

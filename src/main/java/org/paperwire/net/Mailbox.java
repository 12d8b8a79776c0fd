package org.paperwire.net;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * One mailbox, {@code Name <local@domain>} or a bare {@code local@domain}, parsed strictly (RFC 822 syntax, one
 * address, no group): the one place where Paperwire reads an address. Who needs less (subscriber addresses take
 * no display name) narrows what this accepts rather than parsing again.
 *
 * @param address the {@code local@domain} part
 * @param displayName the name before the address, or empty
 */
public record Mailbox(String address, String displayName) {
    /** The mailbox in {@code text} (stripped), or empty when it is not exactly one valid mailbox. */
    public static Optional<Mailbox> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(text.strip(), true);
            parsed.validate();
            String name = parsed.getPersonal();
            return Optional.of(new Mailbox(parsed.getAddress(), name == null ? "" : name));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** The domain after the {@code @}, lower case. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}

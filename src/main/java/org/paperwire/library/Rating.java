package org.paperwire.library;

import java.util.Locale;
import java.util.Optional;

/** A reader's verdict on a paper within one collection: a positive or a negative for that collection's model. */
public enum Rating {
    MORE_LIKE_THIS(1, "more"), NOT_FOR_ME(-1, "less");

    private final int value;
    private final String slug;

    Rating(int value, String slug) {
        this.value = value;
        this.slug = slug;
    }

    /** 1 or -1, as stored. */
    public int value() {
        return value;
    }

    /** {@code more} or {@code less}, as forms and links send it. */
    public String slug() {
        return slug;
    }

    /** {@code more_like_this} or {@code not_for_me}, as exports write it. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rating of(int value) {
        return value > 0 ? MORE_LIKE_THIS : NOT_FOR_ME;
    }

    public static Optional<Rating> bySlug(String slug) {
        for (Rating r : values()) {
            if (r.slug.equals(slug)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

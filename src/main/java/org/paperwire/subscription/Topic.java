package org.paperwire.subscription;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Something a subscriber follows, with its own cap of papers per digest.
 *
 * @param value the category, the saved search's text or the author's name; empty for overall trending
 */
public record Topic(Kind kind, String value, int cap) {
    public static final int MAX_CAP = 50;
    public static final int DEFAULT_CAP = 5;
    public static final int MAX_VALUE = 300;
    /**
     * Topics one subscriber may follow. A saved search costs a model run and two searches per digest (and per
     * preview), so this bounds what one subscription can make the server do.
     */
    public static final int MAX_PER_SUBSCRIBER = 20;

    /** What a topic follows. */
    public enum Kind {
        /** The top trending papers overall. */
        TRENDING,
        /** The top trending papers of one arXiv category. */
        CATEGORY,
        /** A saved search in plain language, run through hybrid search. */
        SEARCH,
        /** New papers by an author. */
        AUTHOR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> byId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public Topic {
        value = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (cap < 1 || cap > MAX_CAP) {
            throw new IllegalArgumentException("a topic's cap must be 1 to " + MAX_CAP + ", not " + cap);
        }
        if (kind != Kind.TRENDING && value.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.id() + " topic needs a value");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("a topic is at most " + MAX_VALUE + " characters long");
        }
        if (kind == Kind.CATEGORY && !value.matches("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?")) {
            throw new IllegalArgumentException("'" + value + "' is not an arXiv category such as cs.CL");
        }
    }

    /**
     * The topics as given, when there are at most {@link #MAX_PER_SUBSCRIBER}.
     *
     * @throws IllegalArgumentException naming the count and the limit otherwise
     */
    public static List<Topic> checkCount(List<Topic> topics) {
        if (topics.size() > MAX_PER_SUBSCRIBER) {
            throw new IllegalArgumentException("a subscription follows at most " + MAX_PER_SUBSCRIBER
                    + " topics (categories, saved searches and authors together), not " + topics.size()
                    + "; remove " + (topics.size() - MAX_PER_SUBSCRIBER));
        }
        return topics;
    }

    public static Topic of(Kind kind, String value) {
        return new Topic(kind, value, DEFAULT_CAP);
    }

    /** How the digest names the topic: "trending in cs.CL", "your search “…”", "by Jane Doe". */
    public String label() {
        return switch (kind) {
            case TRENDING -> "trending";
            case CATEGORY -> "trending in " + value;
            case SEARCH -> "your search \u201c" + value + "\u201d";
            case AUTHOR -> "by " + value;
        };
    }
}

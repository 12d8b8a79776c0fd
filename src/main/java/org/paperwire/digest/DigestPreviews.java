package org.paperwire.digest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paperwire.library.LibraryCollection;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;
import org.paperwire.web.ClockTicker;

/**
 * {@code /digest/preview}'s pages, built once and reused until the subscriber's settings, library or the search
 * index change, or {@link #MAX_AGE} passes (trending votes and the digest period move on their own). Building a preview
 * runs every saved search, so without this each reload would cost model runs and searches.
 */
public final class DigestPreviews {
    /** The longest a preview is reused when neither settings nor index change. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MAX_PREVIEWS = 1_000;

    /**
     * What a preview depends on besides the clock: the settings, by value, the index, by generation, and the
     * reader's collections with their revisions (saving or rating changes the "Recommended for you" sections).
     */
    private record Key(long subscriberId, Subscriber.Status status, Preferences preferences, List<Topic> topics,
            long indexGeneration, List<LibraryCollection> library) {}

    private final Supplier<DigestRunner> runner;
    private final Supplier<DigestMails> mails;
    private final LongSupplier indexGeneration;
    private final LongFunction<List<LibraryCollection>> collections;
    private final Cache<Key, String> pages;

    /** @param collections a reader's collections (by subscriber id), whose revisions grow with every change */
    public DigestPreviews(Supplier<DigestRunner> runner, Supplier<DigestMails> mails, LongSupplier indexGeneration,
            LongFunction<List<LibraryCollection>> collections, InstantSource clock) {
        this.runner = runner;
        this.mails = mails;
        this.indexGeneration = indexGeneration;
        this.collections = collections;
        this.pages = Caffeine.newBuilder().maximumSize(MAX_PREVIEWS).expireAfterWrite(MAX_AGE)
                .ticker(new ClockTicker(clock)).executor(Runnable::run).build();
    }

    /** The subscriber's next digest as the HTML the mail would carry. */
    public String html(Subscriber s) {
        Key key = new Key(s.id(), s.status(), s.preferences(), s.topics(), indexGeneration.getAsLong(),
                collections.apply(s.id()));
        return pages.get(key, k -> mails.get().previewHtml(runner.get().preview(s)));
    }
}

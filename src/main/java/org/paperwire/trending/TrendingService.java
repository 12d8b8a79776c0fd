package org.paperwire.trending;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.ReferenceDay;

/**
 * Ranks papers by {@link TrendingFormula} within a {@link DateWindow}, overall or per category. Windows end at
 * the store's {@link ReferenceDay}, the same days search's windows cover, so a paused instance still shows its
 * latest papers. Ties go to the newer paper, then to the smaller id. Rankings are cached for a
 * short time and dropped whenever a vote changes a count.
 */
public final class TrendingService {
    private static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(s -> s.candidate().paper().day(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.candidate().paper().id());

    private record Scored(SignalStore.Candidate candidate, double score, double points) {}

    private record Key(DateWindow window, String category) {}

    private record Ranking(Instant computedAt, LocalDate referenceDay, boolean fallback, List<TrendItem> items) {}

    private final SignalStore signals;
    private final TrendingFormula formula;
    private final InstantSource clock;
    private final ReferenceDay referenceDay;
    private final Duration cacheTtl;
    private static final int MAX_CACHED = 256;
    private final Map<Key, Ranking> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public TrendingService(SignalStore signals, TrendingFormula formula, InstantSource clock, Duration cacheTtl) {
        this.signals = signals;
        this.formula = formula;
        this.clock = clock;
        this.referenceDay = new ReferenceDay(clock, day -> signals.newestDay(day, null));
        this.cacheTtl = cacheTtl;
    }

    public TrendingFormula formula() {
        return formula;
    }

    /** One page of the ranking; {@code category} null means all categories. */
    public TrendingList trending(DateWindow window, String category, int offset, int limit) {
        Ranking ranking = ranking(window, category);
        List<TrendItem> page = ranking.items().subList(Math.min(offset, ranking.items().size()),
                Math.min(offset + limit, ranking.items().size()));
        return new TrendingList(window, category, ranking.referenceDay(), ranking.items().size(), ranking.fallback(),
                page);
    }

    /** The newest listing day's papers (overall or in a category), newest id first. */
    public TrendingList newest(String category, int offset, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate day = signals.newestDay(today, category).orElse(today);
        List<SignalStore.Candidate> papers = new ArrayList<>(signals.candidates(day, day, category));
        papers.sort(Comparator.comparing((SignalStore.Candidate c) -> c.paper().id()).reversed());
        List<TrendItem> items = new ArrayList<>();
        for (int i = offset; i < Math.min(papers.size(), offset + limit); i++) {
            items.add(new TrendItem(i + 1, papers.get(i).paper(), papers.get(i).signals(), 0));
        }
        return new TrendingList(DateWindow.TODAY, category, day, papers.size(), true, items);
    }

    /** Forgets cached rankings; called when a vote changes a count. */
    public void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    private Ranking ranking(DateWindow window, String category) {
        Instant now = clock.instant();
        Key key = new Key(window, category);
        Ranking cached = cache.get(key);
        if (cached != null && cached.computedAt().plus(cacheTtl).isAfter(now)) {
            return cached;
        }
        long generationBefore = generation.get();
        Ranking fresh = compute(window, category, now);
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // categories come from URLs: never let them grow the cache without bound
        }
        if (generation.get() == generationBefore) {
            cache.put(key, fresh); // not when a vote landed while computing: the next request recomputes
        }
        return fresh;
    }

    private Ranking compute(DateWindow window, String category, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate reference = referenceDay.get();
        // age is measured up to now when the window ends today, else up to the end of the reference day
        Instant ageEnd = reference.equals(today) ? now : reference.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Scored> scored = new ArrayList<>();
        for (SignalStore.Candidate c : signals.candidates(window.first(reference), reference, category)) {
            double ageHours = Duration.between(c.paper().day().atStartOfDay().toInstant(ZoneOffset.UTC), ageEnd)
                    .toMinutes() / 60.0;
            scored.add(new Scored(c, formula.score(c.signals(), ageHours), formula.points(c.signals())));
        }
        scored.sort(ORDER);
        boolean fallback = scored.stream().allMatch(s -> s.points() == 0);
        List<TrendItem> items = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            items.add(new TrendItem(i + 1, s.candidate().paper(), s.candidate().signals(), s.score()));
        }
        return new Ranking(now, reference, fallback, List.copyOf(items));
    }
}

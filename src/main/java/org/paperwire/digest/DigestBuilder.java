package org.paperwire.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.paperwire.digest.DigestSource.Candidate;
import org.paperwire.digest.DigestSource.Section;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchRequest;
import org.paperwire.search.SearchSort;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.Subscriber;

/**
 * Builds a subscriber's digest from the registered {@link DigestSource}s: for each section in order of position
 * (for topics, the subscriber's order), the best papers new since the previous digest that the subscriber has
 * not been given yet, up to the section's cap and the email's maximum. Today's sources are
 * {@link RecommendationSource} (a section per collection of the reader, first) and one per topic kind:
 * {@link TrendingSource} (overall and per category), {@link SavedSearchSource} and {@link AuthorSource}.
 *
 * A {@link Session} caches each topic's candidates and each paper for one run: subscribers who share a topic
 * (common in practice, and in {@code bench digest}) cost one search, not one each.
 */
public final class DigestBuilder {
    /** How deep the candidate lists go before the per-subscriber filtering. */
    static final int DEPTH = 60;
    private static final int ABSTRACT_CHARS = 300;

    private final Supplier<List<DigestSource>> openSources;
    private List<DigestSource> sources;
    private final PaperStore papers;

    public DigestBuilder(List<DigestSource> sources, PaperStore papers) {
        this(() -> sources, papers);
    }

    /**
     * Sources opened on the first {@link #session()}: those that search open the index, so a process that only
     * sends queued mails through the same runner ({@code subscribers add} beside {@code serve}) never locks it.
     */
    public DigestBuilder(Supplier<List<DigestSource>> openSources, PaperStore papers) {
        this.openSources = openSources;
        this.papers = papers;
    }

    public Session session() {
        return new Session(sources());
    }

    private synchronized List<DigestSource> sources() {
        if (sources == null) {
            sources = List.copyOf(openSources.get());
        }
        return sources;
    }

    /** Caches for one run; thread-safe. */
    public final class Session {
        private final Map<String, List<Candidate>> topics;
        private final Map<String, Optional<Texts>> paperCache;
        private final DigestSource.Memo memo;
        private final List<DigestSource> sources;

        private Session(List<DigestSource> sources) {
            this(sources, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        private Session(List<DigestSource> sources, Map<String, List<Candidate>> topics,
                Map<String, Optional<Texts>> paperCache) {
            this.sources = sources;
            this.topics = topics;
            this.paperCache = paperCache;
            this.memo = (key, compute) -> topics.computeIfAbsent(key, k -> compute.get());
        }

        /**
         * Lets every source do its costly work for these subscribers ahead ({@link DigestSource#prepare}): the
         * session to build their digests with, sharing this one's caches.
         */
        public Session prepare(List<Subscriber> subscribers) {
            List<DigestSource> prepared = new ArrayList<>(sources.size());
            for (DigestSource source : sources) {
                prepared.add(source.prepare(subscribers));
            }
            return new Session(List.copyOf(prepared), topics, paperCache);
        }

        /**
         * @param since the first day whose papers count as new
         * @param given papers the subscriber already had (they never come again)
         */
        public Digest build(Subscriber s, DigestPeriod period, LocalDate since, Set<String> given) {
            DigestSource.Request request = new DigestSource.Request(s, period, since, given, memo);
            List<Section> sections = new ArrayList<>();
            for (DigestSource source : sources) {
                sections.addAll(source.sections(request));
            }
            sections.sort(Comparator.comparingInt(Section::position)); // stable: equal positions keep source order
            Map<String, DigestItem> chosen = new LinkedHashMap<>();
            int max = s.preferences().maxPerEmail();
            for (Section section : sections) {
                int taken = 0;
                for (Candidate c : section.candidates()) {
                    if (chosen.size() >= max || taken >= section.cap()) {
                        break;
                    }
                    if (given.contains(c.paperId()) || chosen.containsKey(c.paperId())) {
                        continue;
                    }
                    Optional<Texts> texts = texts(c.paperId());
                    if (texts.isPresent()) {
                        chosen.put(c.paperId(), item(texts.get(), section.reason(), c));
                        taken++;
                    }
                }
            }
            return new Digest(s, period, new ArrayList<>(chosen.values()));
        }

        /** A paper's item texts, cleaned once per run: many digests give the same papers. */
        private Optional<Texts> texts(String id) {
            return paperCache.computeIfAbsent(id, k -> papers.find(k).map(Texts::of));
        }
    }

    /** A search for a topic's candidates: the papers since {@code since}, {@link #DEPTH} deep, no snippets. */
    static SearchRequest request(String query, SearchMode mode, SearchSort sort, LocalDate since) {
        return new SearchRequest(query, mode, List.of(), since, null, sort, 0, DEPTH, false);
    }

    /** What a digest item shows of a paper: its title and shortened abstract with white space cleaned up. */
    private record Texts(Paper paper, String title, String abstractText) {
        static Texts of(Paper p) {
            return new Texts(p, clean(p.title()), shorten(clean(p.abstractText())));
        }
    }

    private static DigestItem item(Texts t, String reason, Candidate c) {
        Paper p = t.paper();
        return new DigestItem(p.id(), t.title(), p.authors(), p.categories(), p.date(), t.abstractText(), reason,
                c.rank(), c.recommended());
    }

    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static String shorten(String text) {
        if (text.length() <= ABSTRACT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', ABSTRACT_CHARS);
        return text.substring(0, cut > ABSTRACT_CHARS / 2 ? cut : ABSTRACT_CHARS).strip() + " …";
    }

    static Set<String> ids(List<DigestItem> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(i -> ids.add(i.paperId()));
        return ids;
    }
}

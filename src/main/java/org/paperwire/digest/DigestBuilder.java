package org.paperwire.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.search.SearchHit;
import org.paperwire.search.SearchInputException;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchRequest;
import org.paperwire.search.SearchService;
import org.paperwire.search.SearchSort;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;
import org.paperwire.trending.TrendItem;
import org.paperwire.paper.DateWindow;
import org.paperwire.trending.TrendingService;

/**
 * Builds a subscriber's digest: for each topic in the subscriber's order, the best papers new since the
 * previous digest that the subscriber has not been given yet, up to the topic's cap and the email's maximum.
 *
 * <ul>
 *   <li>trending (overall or in a category): the week's trending ranking, papers from the period only;</li>
 *   <li>saved searches: hybrid search ranks the new papers, and a paper counts only when the cosine similarity
 *       of its embedding to the query's reaches {@code minSimilarity} (fused hybrid scores are relative to the
 *       result list, so they cannot say "this is a weak match"; the cosine can);</li>
 *   <li>followed authors: new papers whose author field has the name as a phrase, newest first.</li>
 * </ul>
 *
 * A {@link Session} caches each topic's candidates and each paper for one run: subscribers who share a topic
 * (common in practice, and in {@code bench digest}) cost one search, not one each.
 */
public final class DigestBuilder {
    /** How deep the candidate lists go before the per-subscriber filtering. */
    static final int DEPTH = 60;
    private static final int ABSTRACT_CHARS = 300;

    private final TrendingService trending;
    private final Supplier<SearchService> search;
    private final PaperStore papers;
    private final double minSimilarity;

    public DigestBuilder(TrendingService trending, Supplier<SearchService> search, PaperStore papers,
            double minSimilarity) {
        this.trending = trending;
        this.search = search;
        this.papers = papers;
        this.minSimilarity = minSimilarity;
    }

    /** A candidate paper of a topic, best first; {@code rank} is the trending rank (0 for searches). */
    record Candidate(String paperId, int rank) {}

    public Session session() {
        return new Session();
    }

    /** Caches for one run; thread-safe. */
    public final class Session {
        private final Map<String, List<Candidate>> topics = new ConcurrentHashMap<>();
        private final Map<String, Optional<Paper>> paperCache = new ConcurrentHashMap<>();

        /**
         * @param since the first day whose papers count as new
         * @param given papers the subscriber already had (they never come again)
         */
        public Digest build(Subscriber s, DigestPeriod period, LocalDate since, Set<String> given) {
            Map<String, DigestItem> chosen = new LinkedHashMap<>();
            int max = s.preferences().maxPerEmail();
            for (Topic topic : s.topics()) {
                int taken = 0;
                for (Candidate c : candidates(topic, since)) {
                    if (chosen.size() >= max || taken >= topic.cap()) {
                        break;
                    }
                    if (given.contains(c.paperId()) || chosen.containsKey(c.paperId())) {
                        continue;
                    }
                    Optional<Paper> paper = paper(c.paperId());
                    if (paper.isPresent()) {
                        chosen.put(c.paperId(), item(paper.get(), topic, c.rank()));
                        taken++;
                    }
                }
            }
            return new Digest(s, period, new ArrayList<>(chosen.values()));
        }

        private List<Candidate> candidates(Topic topic, LocalDate since) {
            String key = topic.kind() + "|" + topic.value().toLowerCase(java.util.Locale.ROOT) + "|" + since;
            return topics.computeIfAbsent(key, k -> switch (topic.kind()) {
                case TRENDING -> trendingSince(null, since);
                case CATEGORY -> trendingSince(topic.value(), since);
                case SEARCH -> savedSearch(topic.value(), since);
                case AUTHOR -> byAuthor(topic.value(), since);
            });
        }

        private Optional<Paper> paper(String id) {
            return paperCache.computeIfAbsent(id, papers::find);
        }
    }

    private List<Candidate> trendingSince(String category, LocalDate since) {
        List<Candidate> out = new ArrayList<>();
        for (TrendItem item : trending.trending(DateWindow.WEEK, category, 0, 500).items()) {
            if (item.paper().day() != null && !item.paper().day().isBefore(since)) {
                out.add(new Candidate(item.paper().id(), item.rank()));
            }
        }
        return out;
    }

    private List<Candidate> savedSearch(String text, LocalDate since) {
        try {
            SearchService service = search.get();
            Map<String, Double> cosine = new HashMap<>();
            for (SearchHit hit : service.search(request(text, SearchMode.SEMANTIC, SearchSort.RELEVANCE, since, DEPTH)).hits()) {
                cosine.put(hit.id(), 2 * hit.score() - 1); // Lucene's dot-product score is (1 + cos) / 2
            }
            List<Candidate> out = new ArrayList<>();
            for (SearchHit hit : service.search(request(text, SearchMode.HYBRID, SearchSort.RELEVANCE, since, DEPTH)).hits()) {
                if (cosine.getOrDefault(hit.id(), -1.0) >= minSimilarity) {
                    out.add(new Candidate(hit.id(), 0));
                }
            }
            return out;
        } catch (SearchInputException e) {
            return List.of(); // e.g. a search of stop words only: nothing can match it
        }
    }

    private List<Candidate> byAuthor(String name, LocalDate since) {
        String query = "author:\"" + name.replace("\"", "") + "\"";
        try {
            List<Candidate> out = new ArrayList<>();
            for (SearchHit hit : search.get().search(request(query, SearchMode.KEYWORD, SearchSort.DATE, since, DEPTH)).hits()) {
                out.add(new Candidate(hit.id(), 0));
            }
            return out;
        } catch (SearchInputException e) {
            return List.of();
        }
    }

    private static SearchRequest request(String query, SearchMode mode, SearchSort sort, LocalDate since, int limit) {
        return new SearchRequest(query, mode, List.of(), since, null, sort, 0, limit, false);
    }

    private static DigestItem item(Paper p, Topic topic, int rank) {
        return new DigestItem(p.id(), clean(p.title()), p.authors(), p.categories(), p.date(),
                shorten(clean(p.abstractText())), topic.label(), rank);
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

package org.paperwire.ingest.arxiv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.paperwire.ingest.HarvestException;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.ingest.http.FetchException;
import org.paperwire.ingest.http.PoliteFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arxiv-api}: the newest submissions per category from the arXiv API (Atom), newest first, page by
 * page until {@code maxResults}, the last page, or entries older than that category's checkpoint. The
 * checkpoint keeps, per category, the newest {@code published} instant seen so far, as a small JSON object
 * ({@code {"cs.LG":"2024-06-04T16:00:00Z","cs.AI":"..."}}): with one instant for all categories, a busy
 * category's newest entry hid a quieter category's entries older than it for good (issue 9). A checkpoint of
 * one instant, as earlier versions kept, is the starting point of every category. Papers can reach the API a
 * day or two after their {@code published} time (announcement, moderation), and a category with more than
 * {@code maxResults} new entries between two runs loses the older ones, so a few may slip past this source;
 * {@code arxiv-oai} is the complete one.
 */
public final class ArxivApiSource implements ArxivSource {
    private static final Logger log = LoggerFactory.getLogger(ArxivApiSource.class);
    public static final String NAME = "arxiv-api";

    /**
     * Where and what to ask.
     *
     * @param endpoint the API's query URL
     * @param categories each is queried on its own ({@code cat:cs.LG})
     * @param pageSize entries per request
     * @param maxResults newest entries fetched per category and run, at most
     */
    public record Settings(URI endpoint, List<String> categories, int pageSize, int maxResults) {}

    private final PoliteFetcher fetcher;
    private final Settings settings;
    private final PaperIngestor ingestor;
    private final ObjectMapper json = new ObjectMapper();

    public ArxivApiSource(PoliteFetcher fetcher, Settings settings, PaperIngestor ingestor) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.ingestor = ingestor;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result harvest(String checkpoint, LocalDate from) throws HarvestException {
        Map<String, Instant> newest = from == null ? checkpoints(checkpoint) : checkpointsOrNone(checkpoint);
        Instant fromDay = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        HarvestProgress progress = new HarvestProgress(ingestor);
        for (String category : settings.categories()) {
            Instant since = fromDay != null ? fromDay : newest.get(category);
            Instant seen = harvestCategory(category, since, progress);
            if (seen != null) {
                newest.merge(category, seen, ArxivApiSource::latest);
            }
        }
        return new Result(progress.report(), newest.isEmpty() ? null : write(newest));
    }

    /** Pages through one category's newest submissions; returns the newest {@code published} stored, or null. */
    private Instant harvestCategory(String category, Instant since, HarvestProgress progress)
            throws HarvestException {
        Instant newest = null;
        for (int start = 0; start < settings.maxResults(); start += settings.pageSize()) {
            int size = Math.min(settings.pageSize(), settings.maxResults() - start);
            AtomPage page = fetch(query(category, start, size), progress);
            List<SourceRecord> fresh = page.entries().stream().filter(e -> !olderThan(e, since)).toList();
            progress.ingest(fresh, paper -> true, null);
            newest = latest(newest, newestPublished(fresh));
            log.info("{} {} from {}: {} entries, {} new enough", NAME, category, start, page.entries().size(), fresh.size());
            boolean reachedCheckpoint = fresh.size() < page.entries().size();
            boolean lastPage = page.entries().size() < size || (page.totalResults() >= 0 && start + size >= page.totalResults());
            if (reachedCheckpoint || lastPage) {
                break;
            }
        }
        return newest;
    }

    private URI query(String category, int start, int size) {
        String base = settings.endpoint().toString();
        // categories are validated as letters, dots and dashes, so they need no escaping
        return URI.create(base + (base.contains("?") ? "&" : "?") + "search_query=cat:" + category
                + "&sortBy=submittedDate&sortOrder=descending&start=" + start + "&max_results=" + size);
    }

    private AtomPage fetch(URI url, HarvestProgress progress) throws HarvestException {
        AtomPage page;
        try {
            page = AtomPage.parse(fetcher.get(url));
        } catch (FetchException e) {
            throw progress.failed(e.getMessage() + apiError(e).map(text -> ": " + text).orElse(""), e);
        } catch (XMLStreamException e) {
            throw progress.failed("GET " + url + ": " + Xml.describe(e), e);
        }
        if (page.error() != null) {
            throw progress.failed("GET " + url + ": arXiv API error: " + page.error(), null);
        }
        return page;
    }

    /** The API explains a 400 in an error entry of the feed it sends with it. */
    private static Optional<String> apiError(FetchException e) {
        try {
            return e.response().isEmpty() ? Optional.empty()
                    : Optional.ofNullable(AtomPage.parse(e.response().get()).error());
        } catch (XMLStreamException notAFeed) {
            return Optional.empty(); // an error page that is not a feed: the status line says enough
        }
    }

    private static boolean olderThan(SourceRecord entry, Instant since) {
        return since != null && entry instanceof SourceRecord.Parsed p && p.paper().firstSubmitted() != null
                && p.paper().firstSubmitted().isBefore(since);
    }

    private static Instant newestPublished(List<SourceRecord> entries) {
        return entries.stream()
                .map(e -> e instanceof SourceRecord.Parsed p ? p.paper().firstSubmitted() : null)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * The checkpoint as an instant per category, in the configured order: an old single instant applies to every
     * category; none is an empty map.
     */
    private Map<String, Instant> checkpoints(String checkpoint) throws HarvestException {
        Map<String, Instant> perCategory = new LinkedHashMap<>();
        if (checkpoint == null) {
            return perCategory;
        }
        if (!checkpoint.strip().startsWith("{")) {
            Instant all = instant(checkpoint, checkpoint);
            settings.categories().forEach(c -> perCategory.put(c, all));
            return perCategory;
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(checkpoint);
        } catch (JsonProcessingException e) {
            throw unreadable(checkpoint);
        }
        for (Map.Entry<String, JsonNode> e : parsed.properties()) {
            perCategory.put(e.getKey(), instant(e.getValue().asText(), checkpoint));
        }
        return perCategory;
    }

    /** The checkpoint, or none when it cannot be read: a harvest {@code --from} a day replaces it. */
    private Map<String, Instant> checkpointsOrNone(String checkpoint) {
        try {
            return checkpoints(checkpoint);
        } catch (HarvestException unreadable) {
            return new LinkedHashMap<>();
        }
    }

    private String write(Map<String, Instant> perCategory) {
        ObjectNode node = json.createObjectNode();
        perCategory.forEach((category, newest) -> node.put(category, newest.toString()));
        return node.toString();
    }

    private static Instant instant(String text, String checkpoint) throws HarvestException {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeException e) {
            throw unreadable(checkpoint);
        }
    }

    private static HarvestException unreadable(String checkpoint) {
        return new HarvestException("the " + NAME + " checkpoint '" + checkpoint + "' is neither an instant per category"
                + " ({\"cs.LG\":\"2024-06-03T17:59:58Z\"}) nor one instant; harvest once with --from DATE to replace it",
                IngestReport.empty(), null);
    }
}

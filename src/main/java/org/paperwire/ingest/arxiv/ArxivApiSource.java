package org.paperwire.ingest.arxiv;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.paperwire.ingest.HarvestException;
import org.paperwire.ingest.HarvestSource;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.ingest.http.FetchException;
import org.paperwire.ingest.http.PoliteFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arxiv-api}: the newest submissions per category from the arXiv API (Atom), newest first, page by
 * page until {@code maxResults}, the last page, or entries older than the checkpoint. The checkpoint is the
 * newest {@code published} instant seen so far. Papers can reach the API a day or two after their
 * {@code published} time (announcement, moderation), so a few may slip past this source; {@code arxiv-oai}
 * is the complete one.
 */
public final class ArxivApiSource implements HarvestSource {
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
        Instant since = from != null ? from.atStartOfDay(ZoneOffset.UTC).toInstant() : instant(checkpoint);
        HarvestProgress progress = new HarvestProgress(ingestor);
        Instant newest = checkpoint == null ? null : readable(checkpoint).orElse(null);
        for (String category : settings.categories()) {
            newest = latest(newest, harvestCategory(category, since, progress));
        }
        return new Result(progress.report(), newest == null ? null : newest.toString());
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

    private static Optional<Instant> readable(String checkpoint) {
        try {
            return Optional.of(Instant.parse(checkpoint));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String checkpoint) throws HarvestException {
        if (checkpoint == null) {
            return null;
        }
        return readable(checkpoint).orElseThrow(() -> new HarvestException("the " + NAME + " checkpoint '"
                + checkpoint + "' is not an instant (e.g. 2024-06-03T17:59:58Z); harvest once with --from DATE to"
                + " replace it", IngestReport.empty(), null));
    }
}

package org.paperwire.ingest.arxiv;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.paperwire.ingest.HarvestException;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.http.FetchException;
import org.paperwire.ingest.http.PoliteFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arxiv-oai}: everything whose metadata changed since the checkpoint, from arXiv's OAI-PMH endpoint.
 * One {@code ListRecords} per set, followed through its resumption tokens; each page is stored as it
 * arrives. The checkpoint is a date: the day of the first response of the last complete harvest, so the
 * next harvest overlaps a little and misses nothing (records already stored come back unchanged).
 */
public final class OaiPmhSource implements ArxivSource {
    private static final Logger log = LoggerFactory.getLogger(OaiPmhSource.class);
    public static final String NAME = "arxiv-oai";
    static final String NOT_HARVESTED = "category not harvested";

    /**
     * Where and what to harvest.
     *
     * @param endpoint the OAI-PMH base URL
     * @param metadataPrefix {@code arXivRaw} (every version with its date) or {@code arXiv}
     * @param categories the categories to keep; the sets to ask for follow from them
     * @param initialLookback how far back the first harvest reaches
     */
    public record Settings(URI endpoint, String metadataPrefix, List<String> categories, Period initialLookback) {}

    private final PoliteFetcher fetcher;
    private final Settings settings;
    private final List<String> sets;
    private final CategoryFilter filter;
    private final PaperIngestor ingestor;
    private final InstantSource clock;

    /** @throws org.paperwire.config.ConfigException when a category belongs to no known set */
    public OaiPmhSource(PoliteFetcher fetcher, Settings settings, PaperIngestor ingestor, InstantSource clock) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.sets = OaiSets.forCategories(settings.categories());
        this.filter = new CategoryFilter(settings.categories());
        this.ingestor = ingestor;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result harvest(String checkpoint, LocalDate from) throws HarvestException {
        LocalDate since = from != null ? from : checkpoint != null ? date(checkpoint) : today().minus(settings.initialLookback());
        HarvestProgress progress = new HarvestProgress(ingestor);
        LocalDate firstResponse = null;
        for (String set : sets) {
            LocalDate answered = harvestSet(set, since, progress);
            firstResponse = firstResponse == null || answered.isBefore(firstResponse) ? answered : firstResponse;
        }
        return new Result(progress.report(), firstResponse.toString());
    }

    /** Harvests one set from {@code since}; returns the day of its first response. */
    private LocalDate harvestSet(String set, LocalDate since, HarvestProgress progress) throws HarvestException {
        URI url = query("verb=ListRecords&metadataPrefix=" + encode(settings.metadataPrefix()) + "&set=" + encode(set)
                + "&from=" + since);
        LocalDate firstResponse = null;
        for (int pageNo = 1; url != null; pageNo++) {
            OaiPage page = fetch(url, progress);
            firstResponse = firstResponse != null ? firstResponse : page.responseDay();
            if (page.error() != null) {
                failUnlessEmpty(url, page.error(), progress);
                break;
            }
            progress.ingest(page.records(), filter::accepts, NOT_HARVESTED);
            log.info("{} set {} page {}: {} records", NAME, set, pageNo, page.records().size());
            url = page.hasMore() ? next(url, page.resumptionToken(), progress) : null;
        }
        return firstResponse;
    }

    /** The request that continues the list; a server handing back the token it was given would loop forever. */
    private URI next(URI current, String token, HarvestProgress progress) throws HarvestException {
        URI next = query("verb=ListRecords&resumptionToken=" + encode(token));
        if (next.equals(current)) {
            throw progress.failed("GET " + current + ": the server returned the same resumptionToken again", null);
        }
        return next;
    }

    private OaiPage fetch(URI url, HarvestProgress progress) throws HarvestException {
        try {
            return OaiPage.parse(fetcher.get(url));
        } catch (FetchException e) {
            throw progress.failed(e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw progress.failed("GET " + url + ": " + Xml.describe(e), e);
        }
    }

    /** {@code noRecordsMatch} just means nothing changed in that set; every other OAI error fails the harvest. */
    private static void failUnlessEmpty(URI url, OaiPage.OaiError error, HarvestProgress progress)
            throws HarvestException {
        if (!"noRecordsMatch".equals(error.code())) {
            throw progress.failed("GET " + url + ": OAI-PMH error " + error.code() + ": " + error.message(), null);
        }
    }

    private URI query(String parameters) {
        String base = settings.endpoint().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + parameters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static LocalDate date(String checkpoint) throws HarvestException {
        try {
            return LocalDate.parse(checkpoint);
        } catch (DateTimeException e) {
            throw new HarvestException("the " + NAME + " checkpoint '" + checkpoint + "' is not a date (YYYY-MM-DD);"
                    + " harvest once with --from DATE to replace it", IngestReport.empty(), e);
        }
    }
}

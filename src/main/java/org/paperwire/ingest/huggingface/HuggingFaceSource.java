package org.paperwire.ingest.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperwire.ingest.HarvestException;
import org.paperwire.ingest.HarvestSource;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.ingest.http.FetchException;
import org.paperwire.ingest.http.HttpBody;
import org.paperwire.ingest.http.PoliteFetcher;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;
import org.paperwire.trending.SignalStore;

/**
 * Harvests Hugging Face daily papers ({@code /api/daily_papers?date=YYYY-MM-DD}): upvotes, the linked GitHub
 * repository and its stars become trending signals, and papers not yet in the store enter it through the
 * ingestor (arXiv's fuller record replaces them later). Upvotes keep moving for days, so each run re-reads
 * the last {@link #REVISIT_DAYS} days as well as everything since the checkpoint.
 */
public final class HuggingFaceSource implements HarvestSource {
    public static final String NAME = "huggingface";
    static final int REVISIT_DAYS = 3;

    private final PoliteFetcher fetcher;
    private final URI baseUrl;
    private final PaperIngestor ingestor;
    private final SignalStore signals;
    private final InstantSource clock;
    private final Period initialLookback;
    private final ObjectMapper json = new ObjectMapper();

    public HuggingFaceSource(PoliteFetcher fetcher, URI baseUrl, PaperIngestor ingestor, SignalStore signals,
            InstantSource clock, Period initialLookback) {
        this.fetcher = fetcher;
        this.baseUrl = baseUrl;
        this.ingestor = ingestor;
        this.signals = signals;
        this.clock = clock;
        this.initialLookback = initialLookback;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result harvest(String checkpoint, LocalDate from) throws HarvestException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from != null ? from : startAfter(checkpoint, today);
        IngestReport report = IngestReport.empty();
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            report = report.plus(harvestDay(day, report));
        }
        return new Result(report, today.toString());
    }

    private LocalDate startAfter(String checkpoint, LocalDate today) {
        LocalDate revisit = today.minusDays(REVISIT_DAYS - 1L);
        if (checkpoint == null) {
            return today.minus(initialLookback);
        }
        LocalDate last = LocalDate.parse(checkpoint);
        return last.isBefore(revisit) ? last : revisit;
    }

    private IngestReport harvestDay(LocalDate day, IngestReport before) throws HarvestException {
        URI uri = URI.create(baseUrl + "/api/daily_papers?date=" + day + "&limit=100");
        JsonNode items;
        try {
            HttpBody body = fetcher.get(uri);
            items = json.readTree(body.bytes());
        } catch (FetchException e) {
            throw new HarvestException(e.getMessage(), before, e);
        } catch (IOException e) {
            throw new HarvestException("GET " + uri + ": invalid JSON: " + e.getMessage(), before, e);
        }
        if (items == null || !items.isArray()) {
            throw new HarvestException("GET " + uri + ": expected a JSON array of daily papers", before, null);
        }
        List<SourceRecord> records = new ArrayList<>();
        List<SignalStore.HuggingFaceSignal> found = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String origin = uri + " item " + (i + 1);
            JsonNode paper = items.get(i).has("paper") ? items.get(i).get("paper") : items.get(i);
            parse(paper, origin, records, found);
        }
        IngestReport report = ingestor.ingest(records.iterator());
        signals.recordHuggingFace(found, clock.instant());
        return report;
    }

    /** Reads one {@code paper} object into a record for the store and its signal. */
    static void parse(JsonNode paper, String origin, List<SourceRecord> records,
            List<SignalStore.HuggingFaceSignal> found) {
        String rawId = paper.path("id").asText(null);
        Optional<ArxivId> id = ArxivId.parse(rawId);
        String title = collapse(paper.path("title").asText(""));
        if (id.isEmpty() || title.isEmpty()) {
            records.add(new SourceRecord.Failed(rawId != null && id.isEmpty()
                    ? "'" + rawId + "' is not an arXiv id" : "daily paper without an arXiv id or title", origin));
            return;
        }
        Instant published = instant(paper.path("publishedAt").asText(null));
        List<String> authors = new ArrayList<>();
        paper.path("authors").forEach(a -> {
            String name = a.path("name").asText("").strip();
            if (!name.isEmpty() && !a.path("hidden").asBoolean(false)) {
                authors.add(name);
            }
        });
        records.add(new SourceRecord.Parsed(new Paper(id.get().id(), 0, title, paper.path("summary").asText("").strip(),
                authors, List.of(), null, null, null, published, null, null), origin));
        found.add(new SignalStore.HuggingFaceSignal(id.get().id(), paper.path("upvotes").asLong(0),
                githubRepo(paper.path("githubRepo").asText(null)), paper.path("githubStars").asLong(0), published));
    }

    /** Only a plain https GitHub URL becomes the paper's code link; anything else is dropped. */
    static String githubRepo(String raw) {
        if (raw == null || !raw.strip().matches("https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?")) {
            return null;
        }
        return raw.strip();
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

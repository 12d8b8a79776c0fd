package org.paperwire.ingest.arxiv;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.ingest.HarvestSource;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.http.PoliteFetcher;
import org.paperwire.ingest.http.Sleeper;

/**
 * Builds the arXiv harvest sources (OAI-PMH, then the Atom API) from the configuration. Both share one
 * {@link PoliteFetcher}, so arXiv's one-request-per-interval rule holds across them, and one harvest lease
 * ({@link #UPSTREAM}), so it holds across processes too.
 */
public final class ArxivSources {
    /** The upstream both arXiv sources harvest, the name of their shared harvest lease. */
    public static final String UPSTREAM = "arxiv";
    /** First wait before retrying a timeout or connection error; it doubles on each further try. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

    private ArxivSources() {}

    public static List<HarvestSource> create(PaperwireConfig config, PaperIngestor ingestor, InstantSource clock) {
        return create(config, ingestor, clock, Sleeper.SYSTEM);
    }

    /** As {@link #create(PaperwireConfig, PaperIngestor, InstantSource)}, waiting with {@code sleeper}. */
    public static List<HarvestSource> create(PaperwireConfig config, PaperIngestor ingestor, InstantSource clock,
            Sleeper sleeper) {
        PaperwireConfig.ArxivConfig arxiv = config.arxiv();
        PoliteFetcher fetcher = new PoliteFetcher(PoliteFetcher.defaultClient(arxiv.httpTimeout()),
                new PoliteFetcher.Settings(arxiv.requestInterval(), arxiv.maxRetryAfter(), arxiv.httpAttempts(),
                        arxiv.httpTimeout(), FIRST_BACKOFF),
                clock, sleeper);
        List<String> categories = config.harvest().categories();
        return List.of(
                new OaiPmhSource(fetcher, new OaiPmhSource.Settings(arxiv.oaiUrl(), arxiv.oaiMetadataPrefix(),
                        categories, config.harvest().initialLookback()), ingestor, clock),
                new ArxivApiSource(fetcher, new ArxivApiSource.Settings(arxiv.apiUrl(), categories,
                        arxiv.apiPageSize(), arxiv.apiMaxResults()), ingestor));
    }
}

package org.paperwire.app;

import java.time.Clock;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.db.Database;
import org.paperwire.ingest.HarvestService;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceStatusStore;
import org.paperwire.ingest.SqliteSourceStatusStore;
import org.paperwire.ingest.arxiv.ArxivSources;
import org.paperwire.ingest.bulk.BulkImporter;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.SqlitePaperStore;
import org.paperwire.search.FieldWeights;
import org.paperwire.search.Fusion;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.LazyEmbedder;
import org.paperwire.search.embed.OnnxEmbedder;

/**
 * The composition root: builds the store, services and harvest sources from one validated configuration.
 * Everything is passed through constructors; two instances can live in one JVM (tests do this).
 */
public final class Paperwire implements AutoCloseable {
    private final PaperwireConfig config;
    private final Clock clock;
    private final Database database;
    private final PaperStore papers;
    private final SourceStatusStore sourceStatuses;
    private final PaperIngestor ingestor;
    private final HarvestService harvests;
    private SearchEngine search;
    private final BulkImporter bulkImporter;

    public Paperwire(PaperwireConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = Database.open(config.dataDir());
        this.papers = new SqlitePaperStore(database.dataSource(), clock);
        this.sourceStatuses = new SqliteSourceStatusStore(database.dataSource());
        this.ingestor = new PaperIngestor(papers);
        this.harvests = new HarvestService(ArxivSources.create(config, ingestor, clock), sourceStatuses, clock,
                config.harvest().interval(), config.harvest().retryDelay());
        this.bulkImporter = new BulkImporter(ingestor);
    }

    /**
     * The search engine over {@code DATA_DIR/index}, opened on first use: commands that never search (import,
     * harvest) don't take the index folder's lock, so they can run beside {@code serve}.
     *
     * @throws org.paperwire.search.index.IndexLockedException when another process holds the index folder
     */
    public synchronized SearchEngine search() {
        if (search == null) {
            EmbeddingModel model = EmbeddingModel.byId(config.search().embeddingModel()).orElseThrow();
            int maxTokens = OnnxEmbedder.DEFAULT_MAX_TOKENS;
            search = new SearchEngine(papers, database.dataSource(), config.dataDir().resolve("index"),
                    new LazyEmbedder(model, OnnxEmbedder.cacheKey(model, maxTokens), () -> new OnnxEmbedder(model,
                            maxTokens, config.search().embeddingThreads(), OnnxEmbedder.QUERY_INSTRUCTION)),
                    clock, FieldWeights.DEFAULT, Fusion.DEFAULT);
        }
        return search;
    }

    /** Keeps the index following the store and, as configured, embeds new papers in the background. */
    public void startSearchBackground() {
        search().startBackground(config.search().followInterval(), config.search().backgroundEmbedding());
    }

    public PaperwireConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public PaperStore papers() {
        return papers;
    }

    public PaperIngestor ingestor() {
        return ingestor;
    }

    public HarvestService harvests() {
        return harvests;
    }

    public BulkImporter bulkImporter() {
        return bulkImporter;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (search != null) {
                search.close();
            }
        }
        database.close();
    }
}

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
        database.close();
    }
}

package org.paperwire.ingest.arxiv;

import java.time.InstantSource;
import java.util.List;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.ingest.HarvestSource;
import org.paperwire.ingest.PaperIngestor;

/** Builds the arXiv harvest sources (OAI-PMH and the Atom API) from the configuration. */
public final class ArxivSources {
    private ArxivSources() {}

    public static List<HarvestSource> create(PaperwireConfig config, PaperIngestor ingestor, InstantSource clock) {
        return List.of(); // TODO(harvest): OAI-PMH and API sources
    }
}

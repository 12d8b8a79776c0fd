package org.paperwire.ingest.arxiv;

import org.paperwire.ingest.HarvestSource;

/** A harvest source on arXiv: all of them share arXiv's one harvest lease, {@link ArxivSources#UPSTREAM}. */
sealed interface ArxivSource extends HarvestSource permits ArxivApiSource, OaiPmhSource {
    @Override
    default String upstream() {
        return ArxivSources.UPSTREAM;
    }
}

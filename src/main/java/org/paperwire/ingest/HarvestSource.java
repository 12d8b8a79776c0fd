package org.paperwire.ingest;

import java.time.LocalDate;

/**
 * A live upstream that papers are harvested from (arXiv OAI-PMH, the arXiv API, ...). A source ingests what
 * it fetches page by page, so that a failure part-way keeps every page already stored.
 */
public interface HarvestSource {
    /** The name used in config, the CLI and the status API, e.g. {@code arxiv-oai}. */
    String name();

    /**
     * The upstream this source's requests go to. Sources of one upstream share one harvest lease, so that
     * across processes (a {@code harvest} command beside {@code serve}) only one of them asks it at a time and
     * its pace (arXiv: one request every 3 seconds) holds. Each source is its own upstream unless it says so.
     */
    default String upstream() {
        return name();
    }

    /**
     * Harvests once.
     *
     * @param checkpoint where the previous successful harvest ended, null on the first run
     * @param from a date given by the user that overrides the checkpoint, or null
     * @return what was ingested and the checkpoint the next harvest resumes from
     * @throws HarvestException when the upstream failed; it carries what was ingested before the failure
     */
    Result harvest(String checkpoint, LocalDate from) throws HarvestException;

    /** A successful harvest: its report and the checkpoint to resume from next time. */
    record Result(IngestReport report, String nextCheckpoint) {}
}

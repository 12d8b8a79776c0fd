package org.paperwire.config;

import java.util.List;

/**
 * The ids that some keys must name, supplied by the composition root: config sits below the features that define
 * them, so it is told them rather than reaching up into {@code search} or {@code ingest}.
 *
 * @param embeddingModels ids {@code search.embedding-model} accepts
 * @param harvestSources names {@code harvest.sources} accepts: those the harvest sources call themselves
 */
public record KnownIds(List<String> embeddingModels, List<String> harvestSources) {
    public KnownIds {
        embeddingModels = List.copyOf(embeddingModels);
        harvestSources = List.copyOf(harvestSources);
    }
}

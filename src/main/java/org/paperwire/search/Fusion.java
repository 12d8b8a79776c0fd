package org.paperwire.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways to fuse a keyword and a semantic ranking into one score per paper.
 *
 * <p>Both use the defaults from the literature, untuned here: RRF with k = 60 (Cormack et al., 2009) and a
 * convex combination of min-max normalised scores with equal weights (Bruch et al., 2023, "An Analysis of
 * Fusion Functions for Hybrid Retrieval"). docs/quality-log.md has both measured; {@link #DEFAULT} is the
 * one Paperwire uses.
 */
public enum Fusion {
    /** Reciprocal rank fusion: the sum over both lists of 1 / (60 + rank). Ignores score gaps. */
    RRF {
        @Override
        public Map<String, Double> fuse(List<Scored> keyword, List<Scored> semantic) {
            Map<String, Double> fused = new HashMap<>();
            for (List<Scored> list : List.of(keyword, semantic)) {
                for (int i = 0; i < list.size(); i++) {
                    fused.merge(list.get(i).id(), 1.0 / (RRF_K + i + 1), Double::sum);
                }
            }
            return fused;
        }
    },
    /** Each list's scores min-max normalised to [0, 1], then averaged; a paper missing from a list gets 0 there. */
    NORMALIZED {
        @Override
        public Map<String, Double> fuse(List<Scored> keyword, List<Scored> semantic) {
            Map<String, Double> fused = new HashMap<>();
            for (List<Scored> list : List.of(keyword, semantic)) {
                double max = list.stream().mapToDouble(Scored::score).max().orElse(0);
                double min = list.stream().mapToDouble(Scored::score).min().orElse(0);
                double range = max - min;
                for (Scored s : list) {
                    double normalized = range > 0 ? (s.score() - min) / range : 1.0;
                    fused.merge(s.id(), 0.5 * normalized, Double::sum);
                }
            }
            return fused;
        }
    };

    static final int RRF_K = 60;
    public static final Fusion DEFAULT = NORMALIZED;

    /** A paper and its score in one ranking, best first. */
    public record Scored(String id, double score) {}

    /** Fused scores of every paper in either list. */
    public abstract Map<String, Double> fuse(List<Scored> keyword, List<Scored> semantic);
}

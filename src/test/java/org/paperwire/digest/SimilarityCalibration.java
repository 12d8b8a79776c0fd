package org.paperwire.digest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.paperwire.paper.Paper;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.EmbeddingText;
import org.paperwire.search.embed.OnnxEmbedder;
import org.paperwire.search.eval.BeirDataset;

/**
 * How {@code digest.min-similarity} was chosen, on public judgements and not on any test of ours: the BEIR
 * SciFact test queries, the cosine of each query to the documents judged relevant, and to random documents.
 * Prints the percentiles of both; the default is the 10th percentile of the relevant pairs (nine in ten
 * judged matches pass), rounded down to two decimals, with the share of random pairs that would pass.
 * Not a test (slow: about 1,200 embeddings); run by hand with the test class path:
 * {@code java -cp target/test-classes:target/classes:CP org.paperwire.digest.SimilarityCalibration ../shared/data/beir/scifact}
 */
public final class SimilarityCalibration {
    private SimilarityCalibration() {}

    public static void main(String[] args) throws Exception {
        BeirDataset data = BeirDataset.load(Path.of(args[0]));
        Map<String, Paper> byId = new HashMap<>();
        data.corpus().forEach(p -> byId.put(p.id(), p));
        List<String> queryIds = new ArrayList<>(data.qrels().keySet());
        List<Paper> random = new ArrayList<>(data.corpus());
        Collections.shuffle(random, new Random(7));
        random = random.subList(0, 500);
        EmbeddingModel model = EmbeddingModel.byId("bge-small-en-v1.5-q").orElseThrow();
        try (OnnxEmbedder embedder = new OnnxEmbedder(model, OnnxEmbedder.DEFAULT_MAX_TOKENS, 2,
                OnnxEmbedder.QUERY_INSTRUCTION)) {
            List<float[]> randomVectors = embedder.embedDocuments(random.stream().map(EmbeddingText::of).toList());
            List<Double> relevant = new ArrayList<>();
            List<Double> unrelated = new ArrayList<>();
            for (String q : queryIds) {
                float[] query = embedder.embedQuery(data.queries().get(q));
                List<Paper> judged = data.qrels().get(q).keySet().stream().map(byId::get)
                        .filter(Objects::nonNull).toList();
                for (float[] doc : embedder.embedDocuments(judged.stream().map(EmbeddingText::of).toList())) {
                    relevant.add(cos(query, doc));
                }
                for (int i = 0; i < randomVectors.size(); i += 25) {
                    unrelated.add(cos(query, randomVectors.get(i)));
                }
            }
            double[] r = relevant.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] u = unrelated.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("relevant pairs %d: p05 %.3f p10 %.3f p25 %.3f p50 %.3f%n", r.length, pct(r, 5),
                    pct(r, 10), pct(r, 25), pct(r, 50));
            System.out.printf("random pairs %d: p50 %.3f p90 %.3f p99 %.3f max %.3f%n", u.length, pct(u, 50),
                    pct(u, 90), pct(u, 99), u[u.length - 1]);
            double threshold = Math.floor(pct(r, 10) * 100) / 100;
            long above = Arrays.stream(u).filter(x -> x >= threshold).count();
            System.out.printf("threshold %.2f keeps %.1f%% of relevant pairs and %.2f%% of random pairs%n", threshold,
                    100.0 * Arrays.stream(r).filter(x -> x >= threshold).count() / r.length, 100.0 * above / u.length);
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100.0 * sorted.length))];
    }

    private static double cos(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}

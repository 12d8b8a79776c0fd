package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Character n-gram sketches: their dot products estimate the tf-idf cosines a plain implementation computes. */
class CharGramsTest {
    private static final List<String> CORPUS = List.of(
            "Sparse mixture-of-experts transformers scale language models with conditional computation.",
            "Mixture of experts layers route tokens to sparse experts in large transformers.",
            "Diffusion models generate images by denoising Gaussian noise step by step.",
            "Latent diffusion models denoise images in a compressed latent space.",
            "Reinforcement learning from human feedback aligns language models with preferences.",
            "Graph neural networks pass messages along the edges of molecular graphs.",
            "Message passing neural networks predict molecular properties from graphs.",
            "Contrastive pretraining of image and text encoders gives zero-shot classifiers.");

    @Test
    void sketchDotsEstimateTheExactCharacterNGramCosines() {
        CharGrams grams = CharGrams.fit(CORPUS);
        Map<String, Double> a = exact(CORPUS.get(0));
        for (int j = 1; j < CORPUS.size(); j++) {
            double cosine = dot(a, exact(CORPUS.get(j)));
            double estimate = Vectors.dot(grams.sketch(CORPUS.get(0)), grams.sketch(CORPUS.get(j)));
            assertThat(estimate).as(CORPUS.get(j)).isCloseTo(cosine, offset(0.08));
        }
        double related = Vectors.dot(grams.sketch(CORPUS.get(5)), grams.sketch(CORPUS.get(6)));
        double unrelated = Vectors.dot(grams.sketch(CORPUS.get(5)), grams.sketch(CORPUS.get(2)));
        assertThat(related).isGreaterThan(unrelated + 0.1);
        assertThat(Vectors.dot(grams.sketch(CORPUS.get(1)), grams.sketch(CORPUS.get(1)))).isCloseTo(1, offset(0.08));
    }

    @Test
    void aSketchInBytesGivesTheDotProductsOfTheFloats() {
        CharGrams grams = CharGrams.fit(CORPUS);
        for (int i = 0; i < CORPUS.size(); i++) {
            for (int j = 0; j < CORPUS.size(); j++) {
                float[] a = grams.sketch(CORPUS.get(i));
                float[] b = grams.sketch(CORPUS.get(j));
                assertThat(CharSketch.of(a).dot(CharSketch.of(b))).isCloseTo(Vectors.dot(a, b), offset(0.01));
            }
        }
        assertThat(CharSketch.NONE.dot(CharSketch.of(grams.sketch(CORPUS.get(0))))).isZero();
    }

    @Test
    void caseAccentsAndSpacingDoNotChangeTheSketch() {
        CharGrams grams = CharGrams.fit(List.of("Café models of language", "cafe models of vision"));
        assertThat(grams.sketch("CAFÉ   Models\nof language")).containsExactly(grams.sketch("cafe models of language"));
    }

    @Test
    void gramsInFewerThanTwoPapersCountForNothing() {
        CharGrams grams = CharGrams.fit(List.of("quantum annealing", "protein folding"));
        float[] sketch = grams.sketch("quantum annealing");
        assertThat(sketch).hasSize(CharGrams.DIMENSION).containsOnly(0f);
        assertThat(CharGrams.grams("abcdefg")).hasSize(3 + 2); // three 5-grams, two 6-grams
    }

    /** The tf-idf vector written plainly: every gram by name, smooth idf over the corpus, sublinear tf, unit length. */
    private static Map<String, Double> exact(String text) {
        Map<String, Integer> df = new HashMap<>();
        for (String t : CORPUS) {
            counts(t).keySet().forEach(g -> df.merge(g, 1, Integer::sum));
        }
        Map<String, Double> v = new HashMap<>();
        counts(text).forEach((g, tf) -> {
            int d = df.getOrDefault(g, 0);
            if (d >= CharGrams.MIN_DF) {
                v.put(g, (1 + Math.log(tf)) * (Math.log((1.0 + CORPUS.size()) / (1.0 + d)) + 1));
            }
        });
        double norm = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
        v.replaceAll((g, w) -> w / norm);
        return v;
    }

    private static Map<String, Integer> counts(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Map<String, Integer> counts = new HashMap<>();
        for (int n = CharGrams.MIN_N; n <= CharGrams.MAX_N; n++) {
            for (int i = 0; i + n <= plain.length(); i++) {
                counts.merge(plain.substring(i, i + n), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        return a.entrySet().stream().mapToDouble(e -> e.getValue() * b.getOrDefault(e.getKey(), 0.0)).sum();
    }
}

package org.paperwire.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batched pipeline computes what langchain4j's own path computes, from the model inside the jar. */
class OnnxEmbedderTest {
    private static OnnxEmbedder pipeline;
    private static PlainLangchainEmbedder plain;

    @BeforeAll
    static void load() {
        pipeline = new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, 512, 2, true);
        plain = new PlainLangchainEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, true);
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void batchedVectorsMatchLangchain4jsOneByOneVectorsForTextsWithinTheWindow() {
        List<String> texts = List.of("Graph neural networks for molecules.",
                "A much longer abstract about speech recognition with transformers, which needs padding when it is"
                        + " batched with the short title above, so that padding must not change its vector.",
                "");
        List<float[]> batched = pipeline.embedDocuments(texts);
        List<float[]> reference = plain.embedDocuments(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batched.get(i)).hasSize(384);
            assertThat(dot(batched.get(i), batched.get(i))).isCloseTo(1.0, Offset.offset(1e-4));
            // not identical: the int8 model quantizes activations per tensor (DynamicQuantizeLinear), so the
            // padding of a batch nudges the scale; the retrieval effect is measured in docs/quality-log.md
            assertThat(dot(batched.get(i), reference.get(i))).as("text %d", i).isGreaterThan(0.99);
        }
    }

    @Test
    void queriesGetTheRetrievalInstructionAndLongTextsAreCutToTheWindow() {
        float[] query = pipeline.embedQuery("graph networks");
        assertThat(dot(query, plain.embedQuery("graph networks"))).isGreaterThan(0.999);
        assertThat(pipeline.tokens("word ".repeat(2000))).hasSize(512);
    }
}

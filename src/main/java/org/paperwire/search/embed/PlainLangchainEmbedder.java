package org.paperwire.search.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * langchain4j's own in-process path ({@code embedAll}), kept as the baseline that {@code bench search} and the
 * quality evaluation compare {@link OnnxEmbedder} with.
 */
public final class PlainLangchainEmbedder implements Embedder {
    private final EmbeddingModel model;
    private final AbstractInProcessEmbeddingModel delegate;
    private final boolean queryInstruction;

    public PlainLangchainEmbedder(EmbeddingModel model, boolean queryInstruction) {
        this.model = model;
        this.queryInstruction = queryInstruction;
        this.delegate = switch (model) {
            case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel();
            case ALL_MINILM_L6_V2_Q -> new AllMiniLmL6V2QuantizedEmbeddingModel();
        };
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    /** langchain4j averages 510-token chunks instead of truncating: other vectors for long texts. */
    @Override
    public String cacheKey() {
        return model.id() + "/langchain4j";
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
        return delegate.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        String text = queryInstruction ? model.queryInstruction() + query : query;
        return delegate.embed(text).content().vector();
    }

    @Override
    public void close() {
        // langchain4j's model holds its session for the life of the JVM
    }
}

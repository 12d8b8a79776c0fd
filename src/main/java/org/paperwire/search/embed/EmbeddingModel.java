package org.paperwire.search.embed;

import java.util.Arrays;
import java.util.Optional;

/**
 * The in-process embedding models Paperwire can run. Both ship, ONNX file and tokenizer, inside their
 * langchain4j Maven jars, so nothing is downloaded at run time.
 *
 * <p>bge-small-en-v1.5 is the default: it is markedly better at retrieval (see docs/quality-log.md).
 * all-MiniLM-L6-v2 has half the layers and is the faster, weaker choice.
 */
public enum EmbeddingModel {
    /** BAAI bge-small-en-v1.5, int8-quantized; CLS pooling; 384 dimensions. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS, 384, "Represent this sentence for searching relevant passages: "),
    /** sentence-transformers all-MiniLM-L6-v2, int8-quantized; mean pooling; 384 dimensions. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            Pooling.MEAN, 384, "");

    /** How token vectors become one text vector, as each model was trained. */
    public enum Pooling { CLS, MEAN }

    private final String id;
    private final String onnxResource;
    private final String tokenizerResource;
    private final Pooling pooling;
    private final int dimension;
    private final String queryInstruction;

    EmbeddingModel(String id, String onnxResource, String tokenizerResource, Pooling pooling, int dimension,
            String queryInstruction) {
        this.id = id;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.dimension = dimension;
        this.queryInstruction = queryInstruction;
    }

    /** The name used in configuration and as the embedding cache's key prefix. */
    public String id() {
        return id;
    }

    String onnxResource() {
        return onnxResource;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    Pooling pooling() {
        return pooling;
    }

    public int dimension() {
        return dimension;
    }

    /** The prefix the model's authors recommend for short retrieval queries (empty when there is none). */
    public String queryInstruction() {
        return queryInstruction;
    }

    public static Optional<EmbeddingModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(EmbeddingModel::id).toList());
    }
}

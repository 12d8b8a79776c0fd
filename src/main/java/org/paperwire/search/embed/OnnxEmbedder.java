package org.paperwire.search.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Paperwire's embedding pipeline over the ONNX model and tokenizer inside the langchain4j model jar.
 *
 * <p>What makes it faster than langchain4j's {@code embedAll} on the same texts (measured in CPU time, since
 * the 2 cores are shared; README "Embedding throughput"): each text is tokenized once (langchain4j tokenizes,
 * splits into 510-token chunks and tokenizes each chunk again); a text is cut to {@code maxTokens} (the
 * models' window, as MTEB evaluates them) instead of being embedded chunk by chunk and averaged; and each
 * model call runs single-threaded in ONNX Runtime with {@code threads} calls side by side, where
 * langchain4j's calls each start a thread pool per core whose threads spin while they wait.
 *
 * <p>Texts can be run in padded batches sorted by length, but for these int8 models batching measured
 * slower per document (17.3 docs per CPU-second at 1 text per call, 16.6 at 2, 16.2 at 4, 10.8 at up to 64;
 * the activations are quantized per tensor, so a batch also costs exactness), so {@link #MAX_BATCH} is 1.
 *
 * <p>Measured without effect beyond noise (256 newest arXiv texts, about 24-25 docs per CPU-second with all
 * of them): longest first instead of shortest first, tokenizing inside the workers, 1 call with 2 intra-op
 * threads instead of 2 single-threaded calls (slower without spinning), 3 workers (slower), memory-pattern and
 * arena options off, denormals as zero. The GELU tanh approximation saves about 1% and changes the vectors.
 * The model's own work is all that is left: an ONNX Runtime profile gives 42% to the int8 matrix products
 * (already VNNI u8s8 kernels), 12% to GELU and most of the rest to attention in float.
 */
public final class OnnxEmbedder implements Embedder {
    /** Document truncation in tokens: the models' whole window, as MTEB evaluates them (see docs/quality-log.md). */
    public static final int DEFAULT_MAX_TOKENS = 512;
    /**
     * Whether queries get the model's retrieval instruction. Off: on SciFact bge-small-en-v1.5 scored nDCG@10
     * 0.7125 without it and 0.7051 with it (docs/quality-log.md); BAAI describe it as optional for v1.5.
     */
    public static final boolean QUERY_INSTRUCTION = false;
    /** Padded tokens per model call, when batching. */
    private static final int TOKEN_BUDGET = 8192;
    /** Texts per model call: 1 measured fastest for the int8 models (see the class comment). */
    static final int MAX_BATCH = 1;

    private final EmbeddingModel model;
    private final int maxTokens;
    private final boolean queryInstruction;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean wantsTypeIds;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService workers;

    /**
     * @param maxTokens longest input in tokens, special tokens included (at most 512 for BERT models)
     * @param threads model calls that run at once
     * @param queryInstruction whether queries get the model's retrieval instruction prefixed
     */
    public OnnxEmbedder(EmbeddingModel model, int maxTokens, int threads, boolean queryInstruction) {
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens must be 8..512, was " + maxTokens);
        }
        this.model = model;
        this.maxTokens = maxTokens;
        this.queryInstruction = queryInstruction;
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(resource(model.onnxResource()), options);
            this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + model.id() + ": " + e.getMessage(), e);
        }
        try (InputStream in = stream(model.tokenizerResource())) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer of " + model.id(), e);
        }
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads),
                Thread.ofPlatform().daemon().name("embed-", 0).factory());
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    @Override
    public String cacheKey() {
        return cacheKey(model, maxTokens);
    }

    /** The cache key of this pipeline with these settings (batching changes int8 vectors slightly, so it counts). */
    public static String cacheKey(EmbeddingModel model, int maxTokens) {
        return model.id() + "/max" + maxTokens + "/b" + MAX_BATCH;
    }

    @Override
    public float[] embedQuery(String query) {
        String text = queryInstruction ? model.queryInstruction() + query : query;
        return run(List.of(tokens(text))).getFirst();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        List<long[]> tokens = texts.stream().map(this::tokens).toList();
        Integer[] order = new Integer[tokens.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).length));
        List<List<Integer>> batches = batches(order, tokens);
        List<Future<List<float[]>>> futures = new ArrayList<>(batches.size());
        for (List<Integer> batch : batches) {
            futures.add(workers.submit(() -> run(batch.stream().map(tokens::get).toList())));
        }
        float[][] out = new float[texts.size()][];
        for (int b = 0; b < batches.size(); b++) {
            List<float[]> vectors = await(futures.get(b));
            for (int i = 0; i < vectors.size(); i++) {
                out[batches.get(b).get(i)] = vectors.get(i);
            }
        }
        return Arrays.asList(out);
    }

    /** Token ids with [CLS] and [SEP], cut to {@code maxTokens} keeping the closing [SEP]. */
    long[] tokens(String text) {
        long[] ids = tokenizer.encode(text.isBlank() ? "." : text, true, false).getIds();
        if (ids.length <= maxTokens) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, maxTokens);
        cut[maxTokens - 1] = ids[ids.length - 1];
        return cut;
    }

    private static List<List<Integer>> batches(Integer[] byLength, List<long[]> tokens) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int index : byLength) {
            int longest = tokens.get(index).length; // sorted ascending: the newest is the longest
            if (!current.isEmpty() && (current.size() >= MAX_BATCH || (current.size() + 1) * longest > TOKEN_BUDGET)) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(index);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private List<float[]> run(List<long[]> batch) {
        int n = batch.size();
        int length = batch.stream().mapToInt(t -> t.length).max().orElse(0);
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        for (int i = 0; i < n; i++) {
            long[] t = batch.get(i);
            System.arraycopy(t, 0, ids, i * length, t.length);
            Arrays.fill(mask, i * length, i * length + t.length, 1L);
        }
        long[] shape = {n, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n * length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return pool(hidden, batch, length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding model " + model.id() + " failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private List<float[]> pool(FloatBuffer hidden, List<long[]> batch, int length) {
        int dim = model.dimension();
        List<float[]> vectors = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            float[] v = new float[dim];
            int base = i * length * dim;
            int tokens = model.pooling() == EmbeddingModel.Pooling.CLS ? 1 : batch.get(i).length;
            for (int t = 0; t < tokens; t++) {
                for (int d = 0; d < dim; d++) {
                    v[d] += hidden.get(base + t * dim + d);
                }
            }
            vectors.add(normalize(v));
        }
        return vectors;
    }

    static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the model jar", e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("model file " + name + " is not on the classpath: the langchain4j embedding"
                    + " model jar is missing from the build");
        }
        return in;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close embedding model " + model.id(), e);
        }
        tokenizer.close();
    }
}

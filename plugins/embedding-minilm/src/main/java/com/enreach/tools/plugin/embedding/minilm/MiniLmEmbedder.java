package com.enreach.tools.plugin.embedding.minilm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import com.enreach.tools.api.vector.EmbeddingProvider;

/**
 * all-MiniLM-L6-v2 run in process: the model's own tokenizer (DJL's HuggingFace binding), onnxruntime, mean pooling
 * over the attention mask and L2 normalisation, as sentence-transformers and langchain4j's AllMiniLmL6V2 do. Inputs
 * longer than {@link #MAX_TOKENS} are cut by tokens (the last token stays {@code [SEP]}). Usable outside OSGi:
 * {@code try (MiniLmEmbedder e = MiniLmEmbedder.open(Variant.QUANTIZED)) { e.embed(texts); }}. Thread-safe; never
 * touches the network.
 */
public final class MiniLmEmbedder implements EmbeddingProvider, AutoCloseable {

    /** Vector length. */
    public static final int DIMENSION = 384;
    /** The model's position embeddings: the most tokens one input can have, [CLS] and [SEP] included. */
    public static final int MAX_TOKENS = 512;
    /**
     * Texts per onnxruntime call unless configured. One: on CPU, at chunk lengths (~256 tokens), larger batches were
     * no faster here (padding and attention cost grow with the longest input), and the quantised model quantises
     * activations per call, so in a batch a text's vector would depend slightly on its neighbours (cosine ~0.99).
     */
    public static final int DEFAULT_BATCH_SIZE = 1;

    static {
        // DJL downloads a missing native library unless offline; this bundle ships the natives, so never download.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final Variant variant;
    private final String modelVersion;
    private final int batchSize;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean tokenTypes;
    private final HuggingFaceTokenizer tokenizer;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private MiniLmEmbedder(Variant variant, int batchSize, int threads) throws IOException, OrtException {
        this.variant = variant;
        this.batchSize = batchSize;
        this.modelVersion = readModelVersion();
        this.env = OrtEnvironment.getEnvironment();
        this.tokenizer = loadTokenizer(variant);
        OrtSession opened = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            opened = loadSession(variant, options);
            this.tokenTypes = opened.getInputNames().contains("token_type_ids");
            this.session = opened;
        } catch (IOException | OrtException | RuntimeException e) {
            tokenizer.close();
            if (opened != null) {
                opened.close();
            }
            throw e;
        }
    }

    /** Opens a variant with the default batch size and onnxruntime's default thread count. */
    public static MiniLmEmbedder open(Variant variant) {
        return open(variant, DEFAULT_BATCH_SIZE, 0);
    }

    /**
     * Opens a variant.
     *
     * @param batchSize texts per onnxruntime call (at least 1)
     * @param threads onnxruntime intra-op threads, 0 for its default (one per core)
     * @throws EmbeddingException when the model files are missing or cannot be loaded
     */
    public static MiniLmEmbedder open(Variant variant, int batchSize, int threads) {
        if (variant == null) {
            throw new IllegalArgumentException("variant is null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch.size must be at least 1, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (default) or more, got " + threads);
        }
        try {
            return new MiniLmEmbedder(variant, batchSize, threads);
        } catch (IOException | OrtException e) {
            throw new EmbeddingException("cannot load " + variant.model() + ": " + e.getMessage(), e);
        }
    }

    public Variant variant() {
        return variant;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public String model() {
        return variant.model();
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public int maxTokens() {
        return MAX_TOKENS;
    }

    @Override
    public int countTokens(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            return tokenizer.encode(text).getIds().length;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts is null");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("texts[" + i + "] is null");
            }
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            return embedOpen(texts);
        } catch (OrtException e) {
            throw new EmbeddingException(model() + " failed: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes the session and the tokenizer once running calls have finished; later calls fail. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                try {
                    session.close();
                } catch (OrtException e) {
                    throw new EmbeddingException("cannot close " + model() + ": " + e.getMessage(), e);
                } finally {
                    tokenizer.close();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private List<float[]> embedOpen(List<String> texts) throws OrtException {
        long[][] ids = new long[texts.size()][];
        Encoding[] encodings = tokenizer.batchEncode(texts, true, false);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = truncate(encodings[i].getIds());
        }
        // Batches of similar lengths pad little; results go back in the callers' order.
        Integer[] order = IntStream.range(0, ids.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        float[][] vectors = new float[ids.length][];
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            long[][] batch = new long[to - from][];
            for (int k = from; k < to; k++) {
                batch[k - from] = ids[order[k]];
            }
            float[][] out = run(batch);
            for (int k = from; k < to; k++) {
                vectors[order[k]] = out[k - from];
            }
        }
        return Arrays.asList(vectors);
    }

    /** Pads a batch to its longest input, runs the model, mean-pools and normalises. */
    private float[][] run(long[][] batch) throws OrtException {
        int rows = batch.length;
        int len = 0;
        for (long[] b : batch) {
            len = Math.max(len, b.length);
        }
        long[] inputIds = new long[rows * len];
        long[] mask = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(batch[r], 0, inputIds, r * len, batch[r].length);
            Arrays.fill(mask, r * len, r * len + batch[r].length, 1L);
        }
        long[] shape = {rows, len};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (tokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * len]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return Pooling.meanNormalised(hidden, mask, rows, len, DIMENSION);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Cuts an encoding to MAX_TOKENS by tokens, keeping the closing [SEP]. */
    static long[] truncate(long[] ids) {
        if (ids.length <= MAX_TOKENS) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, MAX_TOKENS);
        cut[MAX_TOKENS - 1] = ids[ids.length - 1];
        return cut;
    }

    private void ensureOpen() {
        if (closed) {
            throw new EmbeddingException(model() + " is closed", null);
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(Variant variant) throws IOException {
        Map<String, String> options = new HashMap<>();
        // The shipped tokenizer.json pads and truncates to 128; counting needs the whole text, batching pads itself.
        options.put("padding", "false");
        options.put("truncation", "false");
        options.put("addSpecialTokens", "true");
        // DJL finds its native library and platform files through the context class loader: point it at the bundle
        // holding DJL (the runtime bundle in OSGi) while loading.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HuggingFaceTokenizer.class.getClassLoader());
        try (InputStream in = resource(variant.tokenizerResource())) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Copies the model to a temporary file for onnxruntime (no 90 MB byte[] on the heap), deleted once loaded. */
    private OrtSession loadSession(Variant variant, OrtSession.SessionOptions options) throws IOException, OrtException {
        Path file = Files.createTempFile(variant.model(), ".onnx");
        try {
            try (InputStream in = resource(variant.onnxResource())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return env.createSession(file.toString(), options);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("model file " + name + " is not in the bundle/class path");
        }
        return in;
    }

    private static String readModelVersion() {
        Properties p = new Properties();
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("model.properties")) {
            if (in == null) {
                throw new IOException("model.properties missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}

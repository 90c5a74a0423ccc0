package com.enreach.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import com.enreach.tools.plugin.embedding.minilm.MiniLmEmbedder;
import com.enreach.tools.plugin.embedding.minilm.Variant;

/**
 * Embedding throughput of the provider ({@link MiniLmEmbedder#embed}) on ~256-token chunks of real text (the
 * machine's /usr/share/doc), against a bare onnxruntime session on the same chunks in the same run: tokenizer,
 * session.run and mean pooling written minimally here. Both run one text per call, in short alternating rounds; the
 * median of the per-round ratios must reach 0.8x for both variants.
 */
public final class EmbeddingBench {
    private static final int CHUNK_TOKENS = 256;
    private static final int SLICE = 10;

    private EmbeddingBench() {
    }

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Targets targets = new Targets();
        List<String> corpus;
        try (MiniLmEmbedder counter = MiniLmEmbedder.open(Variant.QUANTIZED)) {
            corpus = chunks(counter, chunks);
        }
        long tokens = 0;
        try (MiniLmEmbedder counter = MiniLmEmbedder.open(Variant.QUANTIZED)) {
            for (String c : corpus) {
                tokens += counter.countTokens(c);
            }
        }
        System.out.printf("corpus: %d chunks of /usr/share/doc text, %.0f tokens on average (target %d)%n",
                corpus.size(), (double) tokens / corpus.size(), CHUNK_TOKENS);
        for (Variant v : Variant.values()) {
            long rssBefore = rssKb();
            try (MiniLmEmbedder provider = MiniLmEmbedder.open(v)) {
                long rssOpen = rssKb();
                provider.embed(corpus);
                System.out.printf("RESULT embedding %-20s resident memory: +%d MB once loaded, +%d MB after embedding the corpus%n",
                        v.model(), (rssOpen - rssBefore) / 1024, (rssKb() - rssBefore) / 1024);
            }
            try (MiniLmEmbedder provider = MiniLmEmbedder.open(v); Bare bare = new Bare(v)) {
                double agreement = cosine(provider.embed(corpus.subList(0, 1)).get(0), bare.embed(corpus.get(0)));
                provider.embed(corpus.subList(0, Math.min(10, corpus.size())));   // warm-up
                for (int i = 0; i < Math.min(10, corpus.size()); i++) {
                    bare.embed(corpus.get(i));
                }
                // Short rounds of SLICE chunks, provider and bare in turn (which goes first alternates), so a burst
                // of load from elsewhere hits one round of each rather than a whole measurement; the median of the
                // per-round ratios is the figure.
                long providerNanos = 0;
                long bareNanos = 0;
                List<Double> ratios = new ArrayList<>();
                int round = 0;
                for (int r = 0; r < rounds; r++) {
                    for (int from = 0; from < corpus.size(); from += SLICE) {
                        List<String> slice = corpus.subList(from, Math.min(corpus.size(), from + SLICE));
                        long p;
                        long b;
                        if (round++ % 2 == 0) {
                            p = timeProvider(provider, slice);
                            b = timeBare(bare, slice);
                        } else {
                            b = timeBare(bare, slice);
                            p = timeProvider(provider, slice);
                        }
                        providerNanos += p;
                        bareNanos += b;
                        ratios.add((double) b / p);
                    }
                }
                ratios.sort(null);
                double median = ratios.get(ratios.size() / 2);
                double n = (double) corpus.size() * rounds;
                double providerRate = n / (providerNanos / 1e9);
                double bareRate = n / (bareNanos / 1e9);
                System.out.printf("RESULT embedding %-20s provider %6.1f chunks/s (%7.0f tokens/s)  bare onnxruntime %6.1f chunks/s"
                        + "  cosine(provider, bare) %.6f  per-round ratios %.2f..%.2f over %d rounds%n", v.model(), providerRate,
                        providerRate * tokens / corpus.size(), bareRate, agreement, ratios.get(0), ratios.get(ratios.size() - 1), ratios.size());
                targets.atLeast("embedding " + v.model() + " provider/bare (median)", median, 0.8);
            }
        }
        targets.exit();
    }

    private static long timeProvider(MiniLmEmbedder provider, List<String> slice) {
        long t0 = System.nanoTime();
        provider.embed(slice);
        return System.nanoTime() - t0;
    }

    private static long timeBare(Bare bare, List<String> slice) throws Exception {
        long t0 = System.nanoTime();
        for (String c : slice) {
            bare.embed(c);
        }
        return System.nanoTime() - t0;
    }

    /** Chunks of about CHUNK_TOKENS tokens from the machine's documentation, in a fixed order, duplicates skipped. */
    static List<String> chunks(MiniLmEmbedder tokens, int wanted) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("/usr/share/doc"))) {
            files = s.filter(Files::isRegularFile).filter(EmbeddingBench::isText).sorted().toList();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Path f : files) {
            String[] words = read(f).split("\\s+");
            int i = 0;
            while (i + 40 < words.length && out.size() < wanted) {
                int n = Math.min(200, words.length - i);
                String chunk = String.join(" ", Arrays.copyOfRange(words, i, i + n));
                while (n > 20 && tokens.countTokens(chunk) > CHUNK_TOKENS) {
                    n = n * 9 / 10;
                    chunk = String.join(" ", Arrays.copyOfRange(words, i, i + n));
                }
                out.add(chunk);
                i += n;
            }
            if (out.size() >= wanted) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no text found under /usr/share/doc");
        }
        return new ArrayList<>(out);
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("README") || n.endsWith(".txt") || n.endsWith(".md") || n.startsWith("NEWS")
                || n.equals("changelog.gz") || n.equals("changelog.Debian.gz");
    }

    private static String read(Path f) throws IOException {
        try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The process's resident set (Linux), 0 elsewhere. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The reference: the model files run the shortest way, one text per call. */
    static final class Bare implements AutoCloseable {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;

        Bare(Variant v) throws Exception {
            String base = v == Variant.FULL ? "all-minilm-l6-v2" : "all-minilm-l6-v2-q";
            try (InputStream in = EmbeddingBench.class.getResourceAsStream("/" + base + "-tokenizer.json")) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
            }
            Path model = Files.createTempFile("bare", ".onnx");
            try (InputStream in = EmbeddingBench.class.getResourceAsStream("/" + base + ".onnx")) {
                Files.copy(in, model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                session = env.createSession(model.toString(), new OrtSession.SessionOptions());
            } finally {
                Files.deleteIfExists(model);
            }
        }

        float[] embed(String text) throws Exception {
            long[] ids = tokenizer.encode(text).getIds();
            long[] shape = {1, ids.length};
            long[] mask = new long[ids.length];
            Arrays.fill(mask, 1);
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
            try (OrtSession.Result r = session.run(in)) {
                FloatBuffer h = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] v = new float[384];
                for (int t = 0; t < ids.length; t++) {
                    for (int d = 0; d < 384; d++) {
                        v[d] += h.get(t * 384 + d);
                    }
                }
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                for (int d = 0; d < 384; d++) {
                    v[d] /= (float) Math.sqrt(norm);
                }
                return v;
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
            tokenizer.close();
        }
    }
}

package com.enreach.tools.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.apache.lucene.util.VectorUtil;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.plugin.embedding.minilm.MiniLmEmbedder;
import com.enreach.tools.plugin.embedding.minilm.Variant;
import com.enreach.tools.plugin.vectorlucene.IndexSettings;
import com.enreach.tools.plugin.vectorlucene.LuceneIndexStore;

/**
 * HNSW against exact search on real text embeddings: sentences of the PostgreSQL manual and man pages (see
 * {@link RealTextCorpus}) embedded with all-MiniLM-L6-v2 (quantised; vectors cached under target/ because embedding
 * 100k sentences takes minutes), indexed by the vector-lucene plugin's store, queried with held-out sentences.
 * Recall@10 of the index's kNN search against an exact brute-force cosine top 10, and p50 latency of both.
 * Args: [chunks=100000] [queries=300].
 */
public final class HnswBench {
    private static final int K = 10;

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> texts = new ArrayList<>(RealTextCorpus.sentences(chunks + queryCount));
        Collections.shuffle(texts, new Random(42));
        if (texts.size() < chunks + queryCount) {
            System.out.printf("corpus gives %,d sentences only%n", texts.size());
            chunks = texts.size() - queryCount;
        }
        float[][] all = vectors(texts.subList(0, chunks + queryCount));
        float[][] queries = Arrays.copyOfRange(all, 0, queryCount);
        float[][] corpus = Arrays.copyOfRange(all, queryCount, queryCount + chunks);
        List<String> corpusTexts = texts.subList(queryCount, queryCount + chunks);

        Path dir = Files.createTempDirectory("hnsw-bench");
        long t0 = System.nanoTime();
        try (LuceneIndexStore index = LuceneIndexStore.open(dir.resolve("idx"), IndexSettings.DEFAULTS)) {
            List<IndexedChunk> batch = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                batch.add(new IndexedChunk("article", i, 0, null, corpusTexts.get(i), corpus[i], "BENCH", null, null,
                        false, null));
                if (batch.size() == 1000 || i == chunks - 1) {
                    index.upsert(batch);
                    batch.clear();
                }
            }
            index.commit("bench");
        }
        System.out.printf("indexed %,d chunks x %d in %.1f s%n", chunks, corpus[0].length, (System.nanoTime() - t0) / 1e9);

        int[][] exact = new int[queryCount][];
        long[] exactNs = new long[queryCount];
        for (int round = 0; round < 2; round++) { // the first round warms up
            for (int q = 0; q < queryCount; q++) {
                long s = System.nanoTime();
                exact[q] = bruteForce(corpus, queries[q]);
                exactNs[q] = System.nanoTime() - s;
            }
        }
        Targets targets = new Targets();
        double ratio = 0;
        double recall = 0;
        // min candidates 10 = a plain HNSW k=10 search; the defaults fetch 50 candidates per list for grouping
        for (IndexSettings settings : List.of(new IndexSettings(1, K, 16, 100, 32), IndexSettings.DEFAULTS)) {
            long opening = System.nanoTime();
            try (LuceneIndexStore index = LuceneIndexStore.open(dir.resolve("idx"), settings)) {
                System.out.printf("reopened the index (%.0f MB, every checksum verified) in %.2f s%n",
                        sizeMb(dir.resolve("idx")), (System.nanoTime() - opening) / 1e9);
                long[] hnswNs = new long[queryCount];
                double found = 0;
                for (int round = 0; round < 2; round++) {
                    found = 0;
                    for (int q = 0; q < queryCount; q++) {
                        long s = System.nanoTime();
                        List<IndexHit> hits = index.search(new IndexQuery(null, queries[q], null, null, null, null,
                                false, K));
                        hnswNs[q] = System.nanoTime() - s;
                        found += overlap(hits, exact[q]);
                    }
                }
                recall = found / (queryCount * (double) K);
                double p50Hnsw = p50(hnswNs) / 1e6;
                double p50Exact = p50(exactNs) / 1e6;
                ratio = p50Hnsw / p50Exact;
                System.out.printf("RESULT hnsw (%,d real-text chunks, %d queries, k=%d, %d candidates): recall@10 %.3f | "
                                + "p50 %.2f ms vs exact flat scan %.2f ms = %.3fx%n", chunks, queryCount, K,
                        settings.candidates(K), recall, p50Hnsw, p50Exact, ratio);
            }
        }
        targets.atLeast("hnsw recall@10 vs exact (defaults)", recall, 0.95);
        targets.atMost("hnsw p50 latency vs exact flat scan", ratio, 0.2);
        deleteTree(dir);
        targets.exit();
    }

    private static double sizeMb(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum() / 1e6;
        }
    }

    private static int overlap(List<IndexHit> hits, int[] exact) {
        int n = 0;
        for (IndexHit h : hits) {
            for (int e : exact) {
                if (h.contentId() == e) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Exact top K by dot product (= cosine: the vectors are unit length) over every vector. */
    static int[] bruteForce(float[][] corpus, float[] q) {
        int[] best = new int[K];
        float[] scores = new float[K];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < corpus.length; i++) {
            float s = VectorUtil.dotProduct(corpus[i], q);
            if (s > scores[K - 1]) {
                int j = K - 1;
                while (j > 0 && scores[j - 1] < s) {
                    scores[j] = scores[j - 1];
                    best[j] = best[j - 1];
                    j--;
                }
                scores[j] = s;
                best[j] = i;
            }
        }
        return best;
    }

    private static double p50(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The texts' vectors, from target/hnsw-cache when this corpus was embedded before. */
    private static float[][] vectors(List<String> texts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        texts.forEach(t -> md.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
        Path cache = Path.of("target", "hnsw-cache", HexFormat.of().formatHex(md.digest()).substring(0, 16) + ".f32");
        if (Files.exists(cache)) {
            float[][] v = read(cache);
            System.out.printf("vectors of %,d sentences read from %s%n", v.length, cache);
            return v;
        }
        // Batches of similar length (sorted by length) embed several times faster than one by one; batching moves a
        // quantised vector very slightly (cosine ~0.99), which does not matter here: HNSW and exact see the same ones.
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(texts.get(a).length(), texts.get(b).length()));
        try (MiniLmEmbedder embedder = MiniLmEmbedder.open(Variant.QUANTIZED, 32, 0)) {
            long t0 = System.nanoTime();
            float[][] v = new float[texts.size()][];
            for (int i = 0; i < order.length; i += 1024) {
                List<String> part = new ArrayList<>();
                for (int j = i; j < Math.min(order.length, i + 1024); j++) {
                    part.add(texts.get(order[j]));
                }
                List<float[]> out = embedder.embed(part);
                for (int j = 0; j < out.size(); j++) {
                    v[order[i + j]] = out.get(j);
                }
                if ((i / 1024) % 10 == 9) {
                    System.out.printf("embedded %,d of %,d%n", i + 1024, texts.size());
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("embedded %,d sentences with %s in %.0f s (%.0f/s, batches of 32); cached in %s%n",
                    texts.size(), embedder.model(), s, texts.size() / s, cache);
            write(cache, v);
            return v;
        }
    }

    private static void write(Path file, float[][] v) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(v.length);
            out.writeInt(v[0].length);
            for (float[] row : v) {
                for (float x : row) {
                    out.writeFloat(x);
                }
            }
        }
    }

    private static float[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            float[][] v = new float[in.readInt()][in.readInt()];
            for (float[] row : v) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = in.readFloat();
                }
            }
            return v;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

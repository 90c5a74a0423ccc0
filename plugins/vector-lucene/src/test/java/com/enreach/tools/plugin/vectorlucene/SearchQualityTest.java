package com.enreach.tools.plugin.vectorlucene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.plugin.embedding.minilm.MiniLmEmbedder;
import com.enreach.tools.plugin.embedding.minilm.Variant;

/**
 * Search quality on real documentation: the PostgreSQL manual's SQL command reference and applications (≈220 pages,
 * ≈900 chunks) embedded with the real all-MiniLM-L6-v2 (quantised), searched with 71 labelled questions by BM25
 * alone, vectors alone and hybrid. Prints recall@10 and MRR; the floors sit below what was measured (see
 * docs/vector-index.md), so a regression in analysis, chunk grouping or fusion breaks them.
 */
class SearchQualityTest {
    private static final int K = 10;
    private static final int WORDS_PER_CHUNK = 120;
    private static final int CHUNKS_PER_PAGE = 6;

    @TempDir
    Path tmp;

    record Labelled(String query, Set<String> relevant) {
    }

    record Score(double recall, double mrr) {
    }

    @Test
    void hybridIsAtLeastAsGoodAsEitherListAlone() throws Exception {
        long started = System.nanoTime();
        List<PostgresDocs.Page> pages = PostgresDocs.load("sql-", "app-");
        List<Labelled> queries = queries();
        Map<String, Long> ids = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (PostgresDocs.Page p : pages) {
            ids.put(p.name(), (long) ids.size() + 1);
            names.put(ids.get(p.name()), p.name());
        }
        for (Labelled q : queries) {
            for (String r : q.relevant()) {
                assertTrue(ids.containsKey(r), "labelled page " + r + " is not in the corpus (query: " + q.query() + ")");
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        List<int[]> firstRanks = new ArrayList<>();
        queries.forEach(q -> firstRanks.add(new int[3]));
        int chunkCount;
        try (MiniLmEmbedder embedder = MiniLmEmbedder.open(Variant.QUANTIZED);
             LuceneIndexStore index = LuceneIndexStore.open(tmp.resolve("idx"), IndexSettings.DEFAULTS)) {
            List<IndexedChunk> chunks = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            List<int[]> where = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                List<String> c = PostgresDocs.chunks(pages.get(i), WORDS_PER_CHUNK, CHUNKS_PER_PAGE);
                for (int n = 0; n < c.size(); n++) {
                    texts.add(c.get(n));
                    where.add(new int[]{i, n});
                }
            }
            List<float[]> vectors = embedder.embed(texts);
            for (int j = 0; j < texts.size(); j++) {
                PostgresDocs.Page p = pages.get(where.get(j)[0]);
                chunks.add(new IndexedChunk("article", ids.get(p.name()), where.get(j)[1], p.title(), texts.get(j),
                        vectors.get(j), "PG", null, null, false, null));
            }
            chunkCount = chunks.size();
            index.upsert(chunks);
            index.commit("quality");
            List<float[]> queryVectors = embedder.embed(queries.stream().map(Labelled::query).toList());

            scores.put("BM25", evaluate(index, queries, queryVectors, names, firstRanks, 0,
                    (q, v) -> new IndexQuery(q, null, null, null, null, null, false, K)));
            scores.put("vector", evaluate(index, queries, queryVectors, names, firstRanks, 1,
                    (q, v) -> new IndexQuery(null, v, null, null, null, null, false, K)));
            scores.put("hybrid", evaluate(index, queries, queryVectors, names, firstRanks, 2,
                    (q, v) -> new IndexQuery(q, v, null, null, null, null, false, K)));
            // the filters run inside both searches: restricting to another space finds nothing
            assertTrue(index.search(new IndexQuery("vacuum", queryVectors.get(1), null, "OTHER", null, null, false,
                    K)).isEmpty());
        }

        System.out.printf("Search quality: %d pages, %d chunks, %d queries, MiniLM-L6-v2 quantised (%.1f s)%n",
                pages.size(), chunkCount, queries.size(), (System.nanoTime() - started) / 1e9);
        System.out.println("| mode | recall@10 | MRR |");
        System.out.println("|---|---|---|");
        scores.forEach((mode, s) -> System.out.printf("| %s | %.3f | %.3f |%n", mode, s.recall(), s.mrr()));

        System.out.println("Queries a mode does not answer first (rank of the first relevant page, 0 = not in top 10):");
        for (int i = 0; i < queries.size(); i++) {
            int[] r = firstRanks.get(i);
            if (r[0] != 1 || r[1] != 1 || r[2] != 1) {
                System.out.printf("  BM25 %2d | vector %2d | hybrid %2d | %s%n", r[0], r[1], r[2], queries.get(i).query());
            }
        }

        Score bm25 = scores.get("BM25");
        Score vector = scores.get("vector");
        Score hybrid = scores.get("hybrid");
        // measured 2026-12: BM25 0.962 / 0.837, vector 0.972 / 0.863, hybrid 1.000 / 0.899 (recall@10 / MRR)
        assertTrue(bm25.recall() >= 0.85 && bm25.mrr() >= 0.70, "BM25 fell below its floor: " + bm25);
        assertTrue(vector.recall() >= 0.85 && vector.mrr() >= 0.70, "vectors fell below their floor: " + vector);
        assertTrue(hybrid.recall() >= 0.90 && hybrid.mrr() >= 0.75, "hybrid fell below its floor: " + hybrid);
        assertTrue(hybrid.recall() >= Math.max(bm25.recall(), vector.recall()) - 0.02,
                "hybrid recall " + hybrid + " is worse than the better list alone");
        assertTrue(hybrid.mrr() >= Math.max(bm25.mrr(), vector.mrr()) - 0.03,
                "hybrid MRR " + hybrid + " is worse than the better list alone");
    }

    private interface QueryMaker {
        IndexQuery make(String text, float[] vector);
    }

    /** Mean recall@10 (share of a query's relevant pages in the top 10) and mean reciprocal rank of the first. */
    private static Score evaluate(LuceneIndexStore index, List<Labelled> queries, List<float[]> vectors,
                                  Map<Long, String> names, List<int[]> firstRanks, int mode,
                                  QueryMaker maker) {
        double recall = 0;
        double mrr = 0;
        for (int i = 0; i < queries.size(); i++) {
            Labelled q = queries.get(i);
            List<IndexHit> hits = index.search(maker.make(q.query(), vectors.get(i)));
            int found = 0;
            double reciprocal = 0;
            for (int rank = 1; rank <= hits.size(); rank++) {
                if (q.relevant().contains(names.get(hits.get(rank - 1).contentId()))) {
                    found++;
                    if (reciprocal == 0) {
                        reciprocal = 1.0 / rank;
                        firstRanks.get(i)[mode] = rank;
                    }
                }
            }
            recall += (double) found / q.relevant().size();
            mrr += reciprocal;
        }
        return new Score(recall / queries.size(), mrr / queries.size());
    }

    static List<Labelled> queries() throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (var in = SearchQualityTest.class.getResourceAsStream("/search-quality/postgresql-queries.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.add(new Labelled(cols[0].trim(), Arrays.stream(cols[1].split(",")).map(String::trim)
                        .collect(Collectors.toSet())));
            }
        }
        return out;
    }
}

package com.enreach.tools.plugin.vectorlucene;

import static com.enreach.tools.plugin.vectorlucene.Chunks.article;
import static com.enreach.tools.plugin.vectorlucene.Chunks.text;
import static com.enreach.tools.plugin.vectorlucene.Chunks.ticket;
import static com.enreach.tools.plugin.vectorlucene.Chunks.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;

class HybridSearchTest {
    @TempDir
    Path tmp;
    LuceneIndexStore index;

    @BeforeEach
    void open() throws Exception {
        index = LuceneIndexStore.open(tmp.resolve("idx"), IndexSettings.DEFAULTS);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void load(IndexedChunk... chunks) {
        index.upsert(List.of(chunks));
        index.commit("m");
    }

    private static List<Long> ids(List<IndexHit> hits) {
        return hits.stream().map(IndexHit::contentId).toList();
    }

    @Test
    void hostNamesAndAddressesAreSearchableWholeAndInParts() {
        load(article(1, 0, "OPS", "VM on esx-ams-0003 lost its datastore (see db1.example.com).", 1, 0, 0),
                article(2, 0, "OPS", "Patch esx-ams-0004 and esx-fra-0001 tonight", 0, 1, 0),
                article(3, 0, "OPS", "Gateway 10.20.30.40 drops packets; 10.20.30.41 is fine", 0, 0, 1),
                article(4, 0, "OPS", "Gateway 10.20.30.41 replaced", 1, 1, 0),
                article(5, 0, "OPS", "Nothing to see here", 1, 1, 1));
        assertEquals(List.of(1L, 2L), ids(index.search(text("esx-ams-0003", 10))), "exact name first, siblings after");
        assertEquals(List.of(2L), ids(index.search(text("ESX-AMS-0004", 10))).subList(0, 1));
        assertEquals(List.of(1L, 2L), ids(index.search(text("ams", 10))).stream().sorted().toList());
        assertEquals(3L, index.search(text("10.20.30.40", 10)).get(0).contentId());
        assertEquals(List.of(3L, 4L), ids(index.search(text("what happened to 10.20.30.41?", 10))).stream().sorted()
                .toList().subList(0, 2));
        assertEquals(List.of(), index.search(text("10.20.30.42", 10)).stream().filter(h -> h.contentId() == 5).toList());
        assertEquals(List.of(1L), ids(index.search(text("db1.example.com", 10))));
    }

    @Test
    void englishWordsAreStemmedAndStopWordsIgnored() {
        load(article(1, 0, "OPS", "How to restart the services after an upgrade", 1, 0, 0),
                article(2, 0, "OPS", "Backups of the database", 0, 1, 0));
        assertEquals(List.of(1L), ids(index.search(text("restarting service", 10))));
        assertEquals(List.of(2L), ids(index.search(text("database's backup", 10))));
        assertEquals(List.of(), index.search(text("the of an", 10)), "only stop words: nothing to match");
    }

    @Test
    void reciprocalRankFusionFavoursContentsBothListsAgreeOn() {
        // BM25: A (two matches) before B (one); kNN: B nearest, then C, A far away.
        load(article(1, 0, "OPS", "disk disk", 0, 0, 1),
                article(2, 0, "OPS", "disk usage report", 1, 0, 0),
                article(3, 0, "OPS", "memory", 0.9f, 0.1f, 0));
        List<IndexHit> hits = index.search(new IndexQuery("disk", new float[]{1, 0, 0}, null, null, null, null,
                false, 10));
        assertEquals(List.of(2L, 1L, 3L), ids(hits));
        IndexHit b = hits.get(0);
        assertEquals(2, b.textRank());
        assertEquals(1, b.vectorRank());
        assertEquals(1.0 / 62 + 1.0 / 61, b.score(), 1e-12);
        IndexHit a = hits.get(1);
        assertEquals(1, a.textRank());
        assertEquals(3, a.vectorRank());
        assertEquals(1.0 / 61 + 1.0 / 63, a.score(), 1e-12);
        IndexHit c = hits.get(2);
        assertEquals(0, c.textRank());
        assertEquals(2, c.vectorRank());
    }

    @Test
    void contentsAreRankedByTheirBestChunkAndTheLimitCountsContents() {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            for (int c = 0; c < 5; c++) {
                // content 2's chunk 3 is nearest to the query; content 1 is nearest on average
                float near = id == 2 && c == 3 ? 1f : id == 1 ? 0.8f : 0.2f;
                chunks.add(article(id, c, "OPS", "chunk " + c + " of " + id, near, 1 - near, 0.1f));
            }
        }
        index.upsert(chunks);
        index.commit("m");
        List<IndexHit> hits = index.search(vector(2, 1, 0, 0));
        assertEquals(List.of(2L, 1L), ids(hits));
        assertEquals(3, hits.get(0).chunk());
        assertEquals("chunk 3 of 2", hits.get(0).text());
        assertEquals(1, hits.get(0).vectorRank());
        assertEquals(2, hits.get(1).vectorRank());
        assertEquals(0, hits.get(0).textRank());
    }

    @Test
    void filtersApplyInsideTheKnnSearch() {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            chunks.add(ticket(i, 0, i % 2 == 0 ? "INC" : "OPS", i % 3 == 0 ? "Done" : "Open", i % 3 == 0,
                    "ticket " + i, 1, 0.001f * i, 0));
        }
        chunks.add(article(1000, 0, "KB", "far away article", 0, 0, 1));
        index.upsert(chunks);
        index.commit("m");
        // 300 tickets are nearer than the article; a post-filter on the top candidates would find nothing
        List<IndexHit> articles = index.search(new IndexQuery(null, new float[]{1, 0, 0}, "article", null, null, null,
                false, 1));
        assertEquals(List.of(1000L), ids(articles));
        assertEquals(List.of(1000L), ids(index.search(new IndexQuery(null, new float[]{1, 0, 0}, null, "KB", null,
                null, false, 3))));
        List<IndexHit> done = index.search(new IndexQuery("ticket", new float[]{1, 0, 0}, "ticket", null, "INC",
                "Done", true, 100));
        assertEquals(50, done.size());
        done.forEach(h -> assertEquals(0, h.contentId() % 6, "INC (even) and Done (multiple of 3): " + h));
    }

    @Test
    void textOnlyAndVectorOnlyRankOneListEach() {
        load(article(1, 0, "OPS", "postgres vacuum", 0, 1, 0), article(2, 0, "OPS", "nginx reload", 1, 0, 0));
        IndexHit t = index.search(text("vacuum", 5)).get(0);
        assertEquals(1L, t.contentId());
        assertEquals(1, t.textRank());
        assertEquals(0, t.vectorRank());
        assertEquals(1.0 / 61, t.score(), 1e-12);
        List<IndexHit> v = index.search(vector(5, 1, 0.1f, 0));
        assertEquals(List.of(2L, 1L), ids(v));
        assertEquals(0, v.get(0).textRank());
        assertEquals(List.of(), index.search(new IndexQuery(" ", null, null, null, null, null, false, 5)));
    }
}

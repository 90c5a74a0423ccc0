package com.enreach.tools.plugin.vectorlucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.plugin.embedding.minilm.MiniLmEmbedder;
import com.enreach.tools.plugin.embedding.minilm.Variant;

/** Ranking on short operations texts with real MiniLM vectors: what each list contributes to the hybrid result. */
class RealEmbeddingRankingTest {
    private static final List<String> TEXTS = List.of(
            "Runbook: the filesystem on db1.example.com filled up; delete old WAL archives and grow the volume.",
            "esx-ams-0003 lost its connection to datastore ds-gold-01 after the storage switch firmware upgrade.",
            "How to rotate the TLS certificate of the internal web proxy before it expires.",
            "Network outage in Amsterdam: core router 10.20.30.1 rebooted and BGP sessions flapped for ten minutes.",
            "Onboarding checklist for new colleagues: laptop, badge, VPN access and the on-call rota.");

    @TempDir
    static Path tmp;
    static MiniLmEmbedder embedder;
    static LuceneIndexStore index;

    @BeforeAll
    static void load() throws Exception {
        embedder = MiniLmEmbedder.open(Variant.QUANTIZED);
        index = LuceneIndexStore.open(tmp.resolve("idx"), IndexSettings.DEFAULTS);
        List<float[]> vectors = embedder.embed(TEXTS);
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            chunks.add(new IndexedChunk("article", i + 1, 0, "Doc " + (i + 1), TEXTS.get(i), vectors.get(i), "OPS",
                    null, null, false, Instant.now()));
        }
        index.upsert(chunks);
        index.commit("m");
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
        embedder.close();
    }

    private static List<IndexHit> hybrid(String query) {
        return index.search(new IndexQuery(query, embedder.embed(List.of(query)).get(0), null, null, null, null, false,
                3));
    }

    @Test
    void aParaphraseWithNoSharedWordIsFoundByTheVectors() {
        String query = "server ran out of disk space";
        assertEquals(List.of(), index.search(new IndexQuery(query, null, null, null, null, null, false, 3)).stream()
                .filter(h -> h.contentId() == 1).toList(), "BM25 has no word in common with the runbook");
        IndexHit top = hybrid(query).get(0);
        assertEquals(1L, top.contentId());
        assertEquals(1, top.vectorRank());
        assertEquals(0, top.textRank());
    }

    @Test
    void anExactHostNameOrAddressRanksItsDocumentFirst() {
        IndexHit host = hybrid("esx-ams-0003").get(0);
        assertEquals(2L, host.contentId());
        assertEquals(1, host.textRank());
        IndexHit ip = hybrid("what happened to 10.20.30.1").get(0);
        assertEquals(4L, ip.contentId());
        assertTrue(ip.textRank() == 1, ip.toString());
    }

    @Test
    void aQuestionInOtherWordsFindsItsDocument() {
        assertEquals(3L, hybrid("renew the SSL cert on the reverse proxy").get(0).contentId());
        assertEquals(5L, hybrid("what does a new employee need on day one").get(0).contentId());
    }
}

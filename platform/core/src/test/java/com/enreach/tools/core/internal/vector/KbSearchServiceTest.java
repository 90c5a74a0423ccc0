package com.enreach.tools.core.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;

class KbSearchServiceTest {
    @TempDir
    Path dir;
    KbFixture kb;
    long backup;
    long certs;
    long disk;
    long flap;

    @BeforeEach
    void setUp() {
        kb = new KbFixture(dir);
        backup = kb.article("OPS", "Restart the backup agent", "When the nightly backup of web01 fails, restart the Commvault agent.\n\n"
                + "Check the job history afterwards.");
        certs = kb.article("SEC", "Rotate TLS certificates", "Certificates expire every 90 days. Renew them with the ACME client.");
        disk = kb.ticket("OPS-1", "OPS", "Done", "Fixed", "Disk full on db01", "The data disk of db01 filled up with WAL files.",
                "Archived old WAL files; backup restarted.");
        flap = kb.ticket("NET-2", "NET", "Open", null, "Switch port flapping", "Port 12 on sw-ams-01 flaps every few minutes.");
    }

    static SearchQuery q(String text) {
        return new SearchQuery(text, null, null, null, null, false, null, 10);
    }

    private static List<String> titles(SearchResult r) {
        return r.hits().stream().map(SearchHit::title).toList();
    }

    @Test
    void withoutAnIndexTheDatabaseTextSearchAnswersAndSaysSo() {
        SearchResult r = kb.search.search(q("backup agent"));
        assertEquals("database", r.mode());
        assertEquals(List.of(KbSearchService.NO_INDEX), r.notes());
        assertEquals("Restart the backup agent", r.hits().get(0).title(), "title and both words: best");
        assertTrue(titles(r).contains("OPS-1 Disk full on db01"), "a ticket whose comment says backup");
        SearchHit top = r.hits().get(0);
        assertEquals(1, top.textRank());
        assertEquals("OPS", top.space());
        assertTrue(top.url().startsWith("https://wiki.example.com/"));
        assertTrue(top.snippet().contains("backup"), top.snippet());
        assertNull(r.model());
    }

    @Test
    void filtersNarrowTheDatabaseSearch() {
        assertEquals(List.of("Restart the backup agent"), titles(kb.search.search(new SearchQuery("backup", null, "OPS", null, null, false, null, 10))));
        assertEquals(List.of("OPS-1 Disk full on db01"), titles(kb.search.search(new SearchQuery("backup", "ticket", null, null, null, false, null, 10))));
        assertEquals(List.of("OPS-1 Disk full on db01"), titles(kb.search.search(new SearchQuery("db01 port", null, null, null, null, true, null, 10))));
        assertEquals(List.of("NET-2 Switch port flapping"), titles(kb.search.search(new SearchQuery("port db01", null, null, "net", "open", false, null, 10))));
    }

    @Test
    void staleContentIsNotFound() {
        kb.stale("kb_articles", backup);
        assertFalse(titles(kb.search.search(q("backup agent"))).contains("Restart the backup agent"));
    }

    @Test
    void hostileQueriesAreJustText() {
        for (String text : List.of("\"", "\"backup", "backup\"", "NEAR(backup agent)", "backup*", "-backup", "title:backup", "backup AND", "OR",
                "NOT backup", "(", ")", "'; DROP TABLE kb_articles; --", "^backup", "{backup}", "back\"up", "a:b:c", "backup + agent", "%", "\\")) {
            SearchResult r = kb.search.search(q(text));
            assertEquals("database", r.mode(), text);
        }
        assertEquals("Restart the backup agent", kb.search.search(q("NEAR(backup agent)")).hits().get(0).title());
        assertEquals("Restart the backup agent", kb.search.search(q("\"backup* -agent")).hits().get(0).title());
        SearchResult nothing = kb.search.search(q("*** \" ()"));
        assertTrue(nothing.hits().isEmpty());
        assertTrue(nothing.notes().contains("the text has no words to search for"), nothing.notes().toString());
        assertEquals(4, kb.count("SELECT (SELECT count(*) FROM kb_articles) + (SELECT count(*) FROM kb_tickets)"));
    }

    @Test
    void aHostNameIsFoundAsThePhraseItIs() {
        assertEquals(List.of("NET-2 Switch port flapping"), titles(kb.search.search(q("sw-ams-01"))));
    }

    @Test
    void invalidQueriesAreRefusedWithTheFieldNamed() {
        assertEquals("q", assertThrows(ApiException.class, () -> kb.search.search(q("  "))).field());
        assertEquals("q", assertThrows(ApiException.class, () -> kb.search.search(q("x".repeat(1001)))).field());
        assertEquals("type", assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", "page", null, null, null, false, null, 10))).field());
        assertEquals("mode", assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", null, null, null, null, false, "fuzzy", 10))).field());
        assertEquals("limit", assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", null, null, null, null, false, null, 0))).field());
        assertEquals("limit", assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", null, null, null, null, false, null, 101))).field());
        assertEquals("space", assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", null, "OPS", "OPS", null, false, null, 10))).field());
        assertEquals("space", assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", "ticket", "OPS", null, null, false, null, 10))).field());
        ApiException e = assertThrows(ApiException.class, () -> kb.search.search(new SearchQuery("x", "article", null, null, null, true, null, 10)));
        assertEquals(ApiException.Reason.INVALID, e.reason());
        assertEquals("resolved", e.field());
    }

    @Test
    void withIndexAndProviderTheSearchIsHybridAndDescribedFromTheTables() {
        FakeProvider provider = new FakeProvider();
        kb.plugins.bindProvider(provider);
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);

        SearchResult r = kb.search.search(q("restart the backup agent"));
        assertEquals("hybrid", r.mode());
        assertEquals("fake-bow@1", r.model());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        SearchHit top = r.hits().get(0);
        assertEquals("Restart the backup agent", top.title());
        assertTrue(top.textRank() > 0 && top.vectorRank() > 0);
        assertFalse(top.snippet().startsWith("Restart the backup agent"), "the prefix is not part of the snippet: " + top.snippet());
        assertTrue(top.snippet().contains("nightly backup"), top.snippet());
        assertEquals("restart the backup agent", index.queries.get(0).text());

        // a content gone since its last vectorisation is not shown, even while the index still has it
        kb.stale("kb_articles", backup);
        assertFalse(titles(kb.search.search(q("restart the backup agent"))).contains("Restart the backup agent"));

        // pending content is missing from the index's answers: the result says so
        kb.article("OPS", "Backup agent upgrade", "Upgrade the backup agent.");
        SearchResult pending = kb.search.search(q("backup"));
        assertTrue(pending.notes().contains("1 article is not vectorised yet and cannot be found until it is (enreach kb vectorize)"), pending.notes().toString());
    }

    @Test
    void anIndexWithoutAProviderServesBm25AndSaysSo() {
        FakeProvider provider = new FakeProvider();
        kb.plugins.bindProvider(provider);
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);
        kb.plugins.unbindProvider(provider);

        SearchResult r = kb.search.search(new SearchQuery("certificates", null, null, null, null, false, "vector", 10));
        assertEquals("bm25", r.mode());
        assertTrue(r.notes().contains(KbSearchService.NO_PROVIDER), r.notes().toString());
        assertEquals(List.of("Rotate TLS certificates"), titles(r));
        assertNull(index.queries.get(0).vector());
    }

    @Test
    void afterAModelChangeTheIndexServesTheOldTextUntilReVectorised() {
        FakeProvider provider = new FakeProvider();
        kb.plugins.bindProvider(provider);
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);
        long size = index.size();

        provider.version = "2";
        kb.plugins.bindIndex(index); // e.g. the index plugin restarted: the core checks it again
        assertEquals(size, index.size(), "not emptied for want of vectors of the new model");
        SearchResult before = kb.search.search(q("certificates"));
        assertEquals("bm25", before.mode());
        assertEquals(List.of("Rotate TLS certificates"), titles(before));
        assertTrue(before.notes().get(0).startsWith("the index holds vectors of another model"), before.notes().toString());

        kb.vectorization.vectorize(null, false, null);
        SearchResult after = kb.search.search(q("certificates"));
        assertEquals("hybrid", after.mode());
        assertEquals("fake-bow@2", after.model());
        assertEquals(size, index.size());
    }

    @Test
    void aModeThePluginsServeIsHonoured() {
        kb.plugins.bindProvider(new FakeProvider());
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);

        assertEquals("bm25", kb.search.search(new SearchQuery("backup", null, null, null, null, false, "bm25", 10)).mode());
        assertNull(index.queries.get(0).vector());
        SearchResult v = kb.search.search(new SearchQuery("backup", null, null, null, null, false, "vector", 10));
        assertEquals("vector", v.mode());
        assertNull(index.queries.get(1).text());
        assertTrue(v.hits().stream().allMatch(h -> h.textRank() == 0 && h.vectorRank() > 0));
    }

    @Test
    void anIndexOutOfStepIsNotAskedUntilRebuilt() {
        kb.plugins.bindProvider(new FakeProvider());
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);
        kb.exec("UPDATE kb_index_state SET marker = 'something else'");

        SearchResult r = kb.search.search(q("backup"));
        assertEquals("database", r.mode());
        assertEquals(List.of(KbSearchService.REBUILDING), r.notes());
        // the search triggered the rebuild (run at once by the test's executor): the next one uses the index
        assertEquals("hybrid", kb.search.search(q("backup")).mode());
    }

    @Test
    void aFailingIndexFallsBackToTheDatabase() {
        kb.plugins.bindProvider(new FakeProvider());
        FakeIndex index = new FakeIndex() {
            @Override
            public synchronized List<com.enreach.tools.api.vector.IndexHit> search(com.enreach.tools.api.vector.IndexQuery q) {
                throw new IllegalStateException("index files unreadable");
            }
        };
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);
        SearchResult r = kb.search.search(q("backup agent"));
        assertEquals("database", r.mode());
        assertEquals("Restart the backup agent", r.hits().get(0).title());
        assertTrue(r.notes().get(0).contains("index files unreadable"), r.notes().toString());
    }
}

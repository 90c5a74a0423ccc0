package com.enreach.tools.core.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.VectorizationStatus;
import com.enreach.tools.api.kb.VectorizeResult;

class VectorizationServiceTest {
    @TempDir
    Path dir;
    KbFixture kb;
    FakeProvider provider;

    @BeforeEach
    void setUp() {
        kb = new KbFixture(dir);
        provider = new FakeProvider();
        kb.plugins.bindProvider(provider);
    }

    /** A body of numbered sections, each a heading and a paragraph of about 60 words: several chunks at 256 tokens. */
    static String runbook(String topic, int sections) {
        StringBuilder b = new StringBuilder();
        for (int s = 1; s <= sections; s++) {
            b.append("Step ").append(s).append(" for ").append(topic).append("\n\n");
            for (int i = 0; i < 6; i++) {
                b.append("In step ").append(s).append(" the operator checks the ").append(topic).append(" service on host web0").append(i)
                        .append(" and restarts the agent when the status page shows errors. ");
            }
            b.append("\n\n");
        }
        return b.toString();
    }

    @Test
    void contentsLeftPendingAreVectorisedWhenAModelIsBoundAfterTheRunsEnded() {
        kb.plugins.unbindProvider(provider);
        kb.vectorization.watchPlugins();
        kb.ticket("OPS-7", "OPS", "Open", null, "NFS stale handle on esx01", "Stale handles after a volume move.", "Remounted.");
        kb.vectorization.runEnded(1, "demo-jira"); // no model yet: nothing can happen
        assertEquals(1, kb.vectorization.status().counts().get("ticket").get("pending"));

        kb.plugins.bindProvider(provider);

        assertEquals(0, kb.vectorization.status().counts().get("ticket").get("pending"), "vectorised as the model arrived");
        assertEquals(1, kb.vectorization.status().counts().get("ticket").get("done"));
    }

    @Test
    void vectorisesWhatIsPendingOnceAndRecordsTheModel() {
        long a = kb.article("OPS", "Restart the backup agent", runbook("backup", 2));
        long t = kb.ticket("OPS-1", "OPS", "Open", null, "Disk full on db01", "The disk of db01 is full.", "Cleaned /var/log.");
        VectorizationStatus before = kb.vectorization.status();
        assertEquals(1, before.counts().get("article").get("pending"));
        assertEquals(1, before.counts().get("ticket").get("pending"));

        VectorizeResult r = kb.vectorization.vectorize(null, false, null);

        assertEquals(2, r.contents());
        assertEquals(0, r.failed());
        assertEquals("fake-bow@1", r.model());
        long chunks = kb.count("SELECT count(*) FROM embeddings");
        assertEquals(chunks, r.chunksEmbedded());
        assertTrue(kb.count("SELECT count(*) FROM embeddings WHERE content_type = 'article' AND content_id = ?", a) > 1, "a long article has several chunks");
        assertEquals("done", kb.string("SELECT state FROM kb_vector_status WHERE content_type = 'ticket' AND content_id = ?", t));
        assertEquals("fake-bow@1", kb.string("SELECT model FROM kb_vector_status WHERE content_type = 'ticket' AND content_id = ?", t));
        VectorizationStatus after = kb.vectorization.status();
        assertEquals(1, after.counts().get("article").get("done"));
        assertEquals(0, after.counts().get("article").get("pending"));
        assertEquals(chunks, after.chunks());

        VectorizeResult again = kb.vectorization.vectorize(null, false, null);
        assertEquals(0, again.contents());
        assertEquals(0, again.chunksEmbedded());
    }

    @Test
    void everyChunkStartsWithTheTitleAndWhereTheContentLives() {
        kb.article("OPS", "Restart the backup agent", runbook("backup", 3));
        kb.ticket("NET-7", "NET", "In Progress", null, "Switch port flapping", "Port 12 flaps.", "Replaced the cable.");
        kb.vectorization.vectorize(null, false, null);
        List<String> texts = kb.db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT content_type, chunk_text FROM embeddings"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
            return out;
        });
        for (String t : texts) {
            assertTrue(t.startsWith("article|Restart the backup agent\nspace: OPS space (OPS)\n")
                    || t.startsWith("ticket|NET-7 Switch port flapping\nproject: NET, status: In Progress\n"), t);
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("Comment by Ops Person") && t.contains("Replaced the cable.")), "comments are part of a ticket's text");
    }

    @Test
    void onlyChangedChunksAreEmbeddedAgainEvenWhenRenumbered() {
        long a = kb.article("OPS", "Restart the backup agent", runbook("backup", 6));
        kb.vectorization.vectorize(ContentTypes.ARTICLE, false, null);
        long chunks = kb.count("SELECT count(*) FROM embeddings WHERE content_id = ?", a);
        assertTrue(chunks >= 4, "enough chunks to see reuse: " + chunks);

        // a new section at the very start shifts every following chunk's number
        kb.editArticle(a, "Before you start\n\nAsk the on-call engineer for approval in the change channel first.\n\n" + runbook("backup", 6));
        provider.embedded.clear();
        VectorizeResult r = kb.vectorization.vectorize(ContentTypes.ARTICLE, false, null);

        assertEquals(1, r.contents());
        assertTrue(r.chunksReused() > 0, "unchanged chunk texts keep their vectors: " + r);
        assertTrue(r.chunksEmbedded() < kb.count("SELECT count(*) FROM embeddings WHERE content_id = ?", a), "not everything re-embedded: " + r);
        assertEquals(r.chunksEmbedded(), provider.embedded.size());
        assertTrue(provider.embedded.stream().anyMatch(t -> t.contains("approval in the change channel")));
    }

    @Test
    void shortenedContentLosesItsLastChunksAndStaleContentLosesEverything() {
        long a = kb.article("OPS", "Restart the backup agent", runbook("backup", 6));
        long b = kb.article("OPS", "Rotate certificates", runbook("certificate", 2));
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);
        long before = kb.count("SELECT count(*) FROM embeddings WHERE content_id = ?", a);

        kb.editArticle(a, runbook("backup", 1));
        VectorizeResult shorter = kb.vectorization.vectorize(null, false, null);
        long after = kb.count("SELECT count(*) FROM embeddings WHERE content_id = ?", a);
        assertTrue(after < before);
        assertEquals(before - after, shorter.chunksRemoved());
        assertEquals(after, index.chunksOf("article:" + a).size(), "the index follows");

        kb.stale("kb_articles", b);
        VectorizeResult gone = kb.vectorization.vectorize(null, false, null);
        assertTrue(gone.chunksRemoved() > 0);
        assertEquals(0, kb.count("SELECT count(*) FROM embeddings WHERE content_type = 'article' AND content_id = ?", b));
        assertEquals(0, kb.count("SELECT count(*) FROM kb_vector_status WHERE content_type = 'article' AND content_id = ?", b));
        assertTrue(index.chunksOf("article:" + b).isEmpty());
        assertTrue(index.chunksOf("article:" + a).size() > 0);
    }

    @Test
    void aNewModelVersionMakesEverythingPendingAndReEmbedsIt() {
        kb.article("OPS", "Restart the backup agent", runbook("backup", 3));
        kb.ticket("OPS-1", "OPS", "Open", null, "Disk full", "The disk is full.");
        VectorizeResult first = kb.vectorization.vectorize(null, false, null);

        provider.version = "2";
        assertEquals(1, kb.vectorization.status().counts().get("article").get("pending"));
        provider.embedded.clear();
        VectorizeResult second = kb.vectorization.vectorize(null, false, null);

        assertEquals(2, second.contents());
        assertEquals(first.chunksEmbedded(), second.chunksEmbedded(), "every chunk embedded again with the new model");
        assertEquals(0, second.chunksReused());
        assertEquals(0, kb.count("SELECT count(*) FROM embeddings WHERE model <> 'fake-bow@2'"));
    }

    @Test
    void aFailingContentIsRecordedWithItsReasonAndTheOthersGoOn() {
        long bad = kb.article("OPS", "Broken page", "This text contains a " + FakeProvider.POISON + " the model chokes on.");
        long good = kb.article("OPS", "Good page", "Nothing special here.");
        VectorizeResult r = kb.vectorization.vectorize(null, false, null);

        assertEquals(1, r.failed());
        assertEquals("failed", kb.string("SELECT state FROM kb_vector_status WHERE content_id = ?", bad));
        assertTrue(kb.string("SELECT reason FROM kb_vector_status WHERE content_id = ?", bad).contains("cannot embed a poisoned text"));
        assertEquals("done", kb.string("SELECT state FROM kb_vector_status WHERE content_id = ?", good));
        VectorizationStatus s = kb.vectorization.status();
        assertEquals(1, s.counts().get("article").get("failed"));
        assertTrue(s.failures().get(0).startsWith("article " + bad + " (Broken page): the embedding model failed"), s.failures().toString());

        assertEquals(0, kb.vectorization.vectorize(null, false, null).contents(), "failed contents wait for retry_failed");
        provider.poison = false;
        VectorizeResult retried = kb.vectorization.vectorize(null, true, null);
        assertEquals(1, retried.contents());
        assertEquals("done", kb.string("SELECT state FROM kb_vector_status WHERE content_id = ?", bad));
    }

    @Test
    void withoutAProviderVectorisingIsUnavailable() {
        kb.plugins.unbindProvider(provider);
        ApiException e = assertThrows(ApiException.class, () -> kb.vectorization.vectorize(null, false, null));
        assertEquals(ApiException.Reason.UNAVAILABLE, e.reason());
        assertNull(kb.vectorization.status().model());
    }

    @Test
    void oneVectorisationAtATime() throws Exception {
        kb.article("OPS", "Some page", "Some text.");
        CountDownLatch inModel = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        kb.plugins.bindProvider(new FakeProvider() {
            @Override
            public List<float[]> embed(List<String> texts) {
                inModel.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embed(texts);
            }
        });
        CompletableFuture<VectorizeResult> first = CompletableFuture.supplyAsync(() -> kb.vectorization.vectorize(null, false, null));
        assertTrue(inModel.await(30, TimeUnit.SECONDS));
        assertTrue(kb.vectorization.status().running());
        ApiException e = assertThrows(ApiException.class, () -> kb.vectorization.vectorize(null, false, null));
        assertEquals(ApiException.Reason.CONFLICT, e.reason());
        release.countDown();
        assertEquals(1, first.get(30, TimeUnit.SECONDS).contents());
        assertFalse(kb.vectorization.status().running());
    }

    @Test
    void aProviderRemovedDuringARunEndsItWithoutBlamingTheContents() {
        for (int i = 0; i < 40; i++) {
            kb.article("OPS", "Page " + i, "Text of page " + i + ".");
        }
        kb.plugins.bindProvider(new FakeProvider() {
            @Override
            public List<float[]> embed(List<String> texts) {
                if (embedded.size() >= 16) {
                    kb.plugins.unbindProvider(this); // the plugin is uninstalled while it works
                    throw new EmbeddingException("model closed", null);
                }
                return super.embed(texts);
            }
        });
        ApiException e = assertThrows(ApiException.class, () -> kb.vectorization.vectorize(ContentTypes.ARTICLE, false, null));
        assertEquals(ApiException.Reason.UNAVAILABLE, e.reason());
        assertEquals(16, kb.count("SELECT count(*) FROM kb_vector_status WHERE state = 'done'"), "what was stored stays");
        assertEquals(0, kb.count("SELECT count(*) FROM kb_vector_status WHERE state = 'failed'"));
        assertFalse(kb.vectorization.status().running());
    }

    @Test
    void progressIsReportedPerBatchOfContents() {
        for (int i = 0; i < 40; i++) {
            kb.article("OPS", "Page " + i, "Text of page " + i + ".");
        }
        List<Integer> done = new ArrayList<>();
        kb.vectorization.vectorize(ContentTypes.ARTICLE, false, p -> {
            if (p.phase().equals("embedding")) {
                assertEquals(40, p.total());
                done.add(p.done());
            }
        });
        assertEquals(List.of(0, 16, 32, 40), done);
    }

    @Test
    void theIndexTakesInChangedFieldsEvenWhenOnlyTheStatusChanged() {
        long t = kb.ticket("OPS-1", "OPS", "Open", null, "Disk full on db01", "The disk of db01 is full.");
        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index);
        kb.vectorization.vectorize(null, false, null);
        assertEquals("Open", index.chunksOf("ticket:" + t).get(0).status());

        kb.ticketStatus(t, "Done", "Fixed");
        kb.vectorization.vectorize(null, false, null);

        assertEquals("Done", index.chunksOf("ticket:" + t).get(0).status());
        assertTrue(index.chunksOf("ticket:" + t).get(0).resolved());
        assertEquals(index.marker(), kb.string("SELECT marker FROM kb_index_state"));
    }

    @Test
    void anIndexWhoseMarkerDiffersIsRebuiltFromTheTable() {
        kb.article("OPS", "Restart the backup agent", runbook("backup", 3));
        kb.ticket("OPS-1", "OPS", "Open", null, "Disk full", "The disk is full.");
        kb.vectorization.vectorize(null, false, null); // no index yet: vectors only in the table
        long chunks = kb.count("SELECT count(*) FROM embeddings");

        FakeIndex index = new FakeIndex();
        kb.plugins.bindIndex(index); // a new, empty index appears
        assertEquals(chunks, index.size());
        assertEquals(index.marker(), kb.string("SELECT marker FROM kb_index_state"));
        assertTrue(kb.vectorization.status().indexInSync());

        index.lose(); // its files lost: marker null
        assertFalse(kb.vectorization.status().indexInSync());
        kb.vectorization.checkIndex();
        assertEquals(chunks, index.size());
        assertTrue(kb.vectorization.status().indexInSync());

        int clears = index.clears;
        assertEquals(chunks, kb.vectorization.reindex());
        assertEquals(clears + 1, index.clears);
    }

    @Test
    void reindexWithoutAnIndexIsUnavailable() {
        ApiException e = assertThrows(ApiException.class, () -> kb.vectorization.reindex());
        assertEquals(ApiException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void aSyncRunEndingVectorisesWhatItChangedUnlessTurnedOff() {
        kb.article("OPS", "Restart the backup agent", "Restart it.");
        kb.vectorization.runEnded(1, "wiki");
        assertEquals(1, kb.count("SELECT count(*) FROM kb_vector_status WHERE state = 'done'"));

        KbFixture off = new KbFixture(dir.resolve("off"), false, 256);
        off.plugins.bindProvider(provider);
        off.article("OPS", "Restart the backup agent", "Restart it.");
        off.vectorization.runEnded(1, "wiki");
        assertEquals(0, off.count("SELECT count(*) FROM kb_vector_status"));
    }

    @Test
    void aSyncRunEndingDuringAVectorisationIsVectorisedWhenItEnds() {
        kb.article("OPS", "Restart the backup agent", "Restart it.");
        boolean[] once = {false};
        kb.vectorization.vectorize(ContentTypes.ARTICLE, false, p -> {
            if (!once[0]) {
                once[0] = true;
                // a sync run commits a new ticket and ends while this vectorisation is busy with the articles
                kb.ticket("OPS-9", "OPS", "Resolved", "Fixed", "NFS datastore inaccessible", "Remount it.");
                kb.vectorization.runEnded(7, "jira");
            }
        });
        assertEquals(2, kb.count("SELECT count(*) FROM kb_vector_status WHERE state = 'done'"),
                "the ticket of the run that ended meanwhile is vectorised when the running vectorisation ends");
    }
}

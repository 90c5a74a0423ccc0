package com.enreach.tools.plugin.vectorlucene;

import static com.enreach.tools.plugin.vectorlucene.Chunks.article;
import static com.enreach.tools.plugin.vectorlucene.Chunks.text;
import static com.enreach.tools.plugin.vectorlucene.Chunks.ticket;
import static com.enreach.tools.plugin.vectorlucene.Chunks.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.vector.IndexHit;

class LuceneIndexStoreTest {
    @TempDir
    Path tmp;

    private LuceneIndexStore open() throws Exception {
        return LuceneIndexStore.open(tmp.resolve("vector-index"), IndexSettings.DEFAULTS);
    }

    @Test
    void aMissingIndexIsEmptyWithNoMarker() throws Exception {
        try (LuceneIndexStore index = open()) {
            assertNull(index.marker());
            assertEquals(0, index.size());
            assertEquals(0, index.dimension());
            assertEquals(List.of(), index.search(text("anything", 10)));
            assertEquals(List.of(), index.search(vector(10, 1, 0, 0)));
        }
    }

    @Test
    void changesAreVisibleOnlyAfterCommitWhichRecordsTheMarker() throws Exception {
        try (LuceneIndexStore index = open()) {
            index.upsert(List.of(article(1, 0, "OPS", "restart the nginx proxy", 1, 0, 0)));
            assertEquals(0, index.size(), "not committed yet");
            assertEquals(List.of(), index.search(text("nginx", 10)));
            index.commit("m1");
            assertEquals(1, index.size());
            assertEquals(3, index.dimension());
            assertEquals("m1", index.marker());
            assertEquals(1, index.search(text("nginx", 10)).size());
        }
    }

    @Test
    void closeAndReopenKeepsTheLastCommitAndDropsUncommittedChanges() throws Exception {
        try (LuceneIndexStore index = open()) {
            index.upsert(List.of(article(1, 0, "OPS", "restart the nginx proxy", 1, 0, 0)));
            index.commit("m1");
            index.upsert(List.of(article(2, 0, "OPS", "rotate the postgres logs", 0, 1, 0)));
            index.delete(List.of("article:1"));
        }
        try (LuceneIndexStore index = open()) {
            assertEquals("m1", index.marker(), "the marker describes exactly what is on disk");
            assertEquals(1, index.size());
            assertEquals(1L, index.search(text("nginx", 10)).get(0).contentId());
            assertEquals(List.of(), index.search(text("postgres", 10)));
        }
    }

    @Test
    void upsertReplacesEveryChunkOfAContent() throws Exception {
        try (LuceneIndexStore index = open()) {
            index.upsert(List.of(article(1, 0, "OPS", "alpha one", 1, 0, 0), article(1, 1, "OPS", "alpha two", 1, 0, 0),
                    article(1, 2, "OPS", "alpha three", 1, 0, 0), article(2, 0, "OPS", "beta", 0, 1, 0)));
            index.commit("m1");
            assertEquals(4, index.size());
            index.upsert(List.of(article(1, 0, "OPS", "gamma only", 1, 0, 0)));
            index.commit("m2");
            assertEquals(2, index.size());
            assertEquals(List.of(), index.search(text("alpha", 10)));
            IndexHit hit = index.search(text("gamma", 10)).get(0);
            assertEquals("article", hit.contentType());
            assertEquals(1L, hit.contentId());
            assertEquals(0, hit.chunk());
            assertEquals("gamma only", hit.text());
        }
    }

    @Test
    void deleteAndClearRemoveContents() throws Exception {
        try (LuceneIndexStore index = open()) {
            index.upsert(List.of(article(1, 0, "OPS", "alpha", 1, 0, 0), ticket(7, 0, "INC", "Done", true, "alpha", 0, 1, 0)));
            index.commit("m1");
            index.delete(List.of("ticket:7"));
            index.commit("m2");
            assertEquals(1, index.size());
            assertEquals("article", index.search(text("alpha", 10)).get(0).contentType());
            index.clear();
            index.commit("m3");
            assertEquals(0, index.size());
            assertEquals(0, index.dimension());
            assertEquals("m3", index.marker());
        }
    }

    @Test
    void aNewDimensionIsRefusedUntilTheIndexIsCleared() throws Exception {
        try (LuceneIndexStore index = open()) {
            index.upsert(List.of(article(1, 0, "OPS", "alpha", 1, 0, 0)));
            index.commit("m1");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> index.upsert(List.of(article(2, 0, "OPS", "beta", 1, 0, 0, 0))));
            assertTrue(e.getMessage().contains("article:2") && e.getMessage().contains("4 dimensions"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> index.search(vector(5, 1, 0, 0, 0)));
            index.clear();
            index.upsert(List.of(article(2, 0, "OPS", "beta", 1, 0, 0, 0)));
            index.commit("m2");
            assertEquals(4, index.dimension());
            assertEquals(2L, index.search(vector(5, 1, 0, 0, 0)).get(0).contentId());
        }
    }

    @Test
    void badVectorsAndLimitsAreClearErrors() throws Exception {
        try (LuceneIndexStore index = open()) {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                    () -> index.upsert(List.of(article(3, 1, "OPS", "x", 0, 0, 0))));
            assertTrue(zero.getMessage().contains("article:3 chunk 1"), zero.getMessage());
            assertThrows(IllegalArgumentException.class, () -> index.search(text("x", 0)));
        }
    }

    @Test
    void aSecondWriterOnTheSameDirectoryFailsWithoutTouchingTheIndex() throws Exception {
        try (LuceneIndexStore index = open()) {
            index.upsert(List.of(article(1, 0, "OPS", "alpha", 1, 0, 0)));
            index.commit("m1");
            assertThrows(LockObtainFailedException.class, this::open);
            assertEquals("m1", index.marker());
            try (var siblings = Files.list(tmp)) {
                assertEquals(1, siblings.count(), "nothing was moved aside");
            }
        }
    }

    @Test
    void searchesSeeTheLastCommitWhileChangesAreWritten() throws Exception {
        try (LuceneIndexStore index = open()) {
            for (int i = 0; i < 50; i++) {
                index.upsert(List.of(article(i, 0, "OPS", "runbook number " + i, 1, i, 0)));
            }
            index.commit("m1");
            Thread writer = new Thread(() -> {
                for (int i = 50; i < 2050; i++) {
                    index.upsert(List.of(article(i, 0, "OPS", "runbook number " + i, 1, i, 0)));
                }
            });
            writer.start();
            while (writer.isAlive()) {
                assertEquals(50, index.size());
                assertEquals(10, index.search(text("runbook", 10)).size());
            }
            writer.join();
            index.commit("m2");
            assertEquals(2050, index.size());
        }
    }
}

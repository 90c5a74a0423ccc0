package com.enreach.tools.plugin.vectorlucene;

import static com.enreach.tools.plugin.vectorlucene.Chunks.article;
import static com.enreach.tools.plugin.vectorlucene.Chunks.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.vector.IndexedChunk;

/** A damaged index is moved aside and replaced by an empty one with no marker, so the core rebuilds it. */
class CorruptIndexRecoveryTest {
    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("vector-index");
    }

    private void writeIndex() throws Exception {
        try (LuceneIndexStore index = LuceneIndexStore.open(dir(), IndexSettings.DEFAULTS)) {
            List<IndexedChunk> chunks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                chunks.add(article(i, 0, "OPS", "runbook " + i + " for host esx-ams-" + i, 1, i, i % 7 + 1));
            }
            index.upsert(chunks);
            index.commit("m1");
        }
    }

    private Path largest(String... suffixes) throws Exception {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    private void assertRecoveredEmpty() throws Exception {
        try (LuceneIndexStore index = LuceneIndexStore.open(dir(), IndexSettings.DEFAULTS)) {
            assertNull(index.marker(), "a recovered index has no marker, so the core rebuilds it");
            assertEquals(0, index.size());
            index.upsert(List.of(article(1, 0, "OPS", "rebuilt", 1, 0, 0)));
            index.commit("m2");
            assertEquals(1, index.search(text("rebuilt", 5)).size());
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.get(1).startsWith("vector-index.corrupt-"), names.toString());
        }
    }

    @Test
    void flippedBytesInTheMiddleOfADataFile() throws Exception {
        writeIndex();
        Path file = largest(".cfs", ".vec", ".fdt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xFF);
        }
        assertRecoveredEmpty();
    }

    @Test
    void truncatedDataFile() throws Exception {
        writeIndex();
        Path file = largest(".cfs", ".vec", ".fdt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        assertRecoveredEmpty();
    }

    @Test
    void truncatedCommitPoint() throws Exception {
        writeIndex();
        Path segments = largest("segments_1", "segments_2", "segments_3", "segments_4");
        try (RandomAccessFile f = new RandomAccessFile(segments.toFile(), "rw")) {
            f.setLength(10);
        }
        assertRecoveredEmpty();
    }

    @Test
    void missingSegmentFile() throws Exception {
        writeIndex();
        Files.delete(largest(".si"));
        assertRecoveredEmpty();
    }

    @Test
    void onlyTheLatestBrokenCopyIsKept() throws Exception {
        writeIndex();
        Files.delete(largest(".si"));
        LuceneIndexStore.open(dir(), IndexSettings.DEFAULTS).close();
        writeIndex();
        Files.delete(largest(".si"));
        Thread.sleep(1100); // the moved-aside name carries the time to the second
        assertRecoveredEmpty();
    }
}

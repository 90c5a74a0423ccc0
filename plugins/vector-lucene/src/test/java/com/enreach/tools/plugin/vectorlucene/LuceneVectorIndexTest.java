package com.enreach.tools.plugin.vectorlucene;

import static com.enreach.tools.plugin.vectorlucene.Chunks.article;
import static com.enreach.tools.plugin.vectorlucene.Chunks.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component's lifecycle without a container: what a bundle stop, removal and re-add do to the index. */
class LuceneVectorIndexTest {
    @TempDir
    Path home;

    private static LuceneIndexConfig config(String path, int hnswM) {
        return new LuceneIndexConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LuceneIndexConfig.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public int candidates_per_result() {
                return 5;
            }

            @Override
            public int candidates_min() {
                return 50;
            }

            @Override
            public int hnsw_m() {
                return hnswM;
            }

            @Override
            public int hnsw_beam_width() {
                return 100;
            }

            @Override
            public double ram_buffer_mb() {
                return 16;
            }
        };
    }

    @Test
    void theIndexLivesUnderTheHomeAndSurvivesDeactivation() throws Exception {
        Path dir = home.resolve("data/vector-index");
        LuceneVectorIndex first = new LuceneVectorIndex(null, config(dir.toString(), 16));
        assertEquals(dir.toAbsolutePath(), LuceneVectorIndex.resolve(home.toString(), "data/vector-index"));
        first.upsert(List.of(article(1, 0, "OPS", "kept", 1, 0)));
        first.commit("m1");
        first.deactivate();
        assertThrows(IllegalStateException.class, first::size, "a closed index says so");

        LuceneVectorIndex again = new LuceneVectorIndex(null, config(dir.toString(), 16));
        try {
            assertEquals("m1", again.marker());
            assertEquals(1, again.size());
            assertEquals(2, again.dimension());
            assertEquals(1L, again.search(text("kept", 3)).get(0).contentId());
        } finally {
            again.deactivate();
        }
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void badSettingsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LuceneVectorIndex(null, config(home.resolve("x").toString(), 1)));
        assertTrue(e.getMessage().contains("hnsw.m"), e.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheHomeOrTheWorkingDirectory() {
        assertEquals(Path.of("/srv/enreach/data/vector-index"), LuceneVectorIndex.resolve("/srv/enreach", null));
        assertEquals(Path.of("/var/idx"), LuceneVectorIndex.resolve("/srv/enreach", "/var/idx"));
        assertEquals(Path.of("idx").toAbsolutePath(), LuceneVectorIndex.resolve(null, "idx"));
    }
}

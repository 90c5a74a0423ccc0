package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.api.vector.VectorIndex;

/**
 * The vector index plugin (Lucene embedded in the bundle) dropped into deploy/, removed and dropped back while the
 * platform runs: it serves BM25 and kNN inside Felix, keeps its files under data/vector-index when removed, and
 * comes back with the same chunks and marker.
 */
public class VectorIndexHotDeployIT extends PlatformTestSupport {
    private static final String BSN = "com.enreach.tools.plugin.vectorlucene";
    private static final String JAR = BSN + ".jar";

    private VectorIndex awaitIndex() {
        ServiceReference<VectorIndex> ref = await("the VectorIndex service", CHANGE,
                () -> bundleContext.getServiceReference(VectorIndex.class), r -> r != null);
        return bundleContext.getService(ref);
    }

    private static List<Long> ids(List<IndexHit> hits) {
        return hits.stream().map(IndexHit::contentId).toList();
    }

    @Test
    public void indexSurvivesRemovalAndReturnsWithTheSameMarker() throws IOException {
        Path deploy = home().resolve("deploy");
        moveInto(deploy, JAR, Files.readAllBytes(Container.projectBundle(BSN)));
        VectorIndex index = awaitIndex();
        // The core owns the index: on binding a new one (marker null) it rebuilds it from its embeddings table (here
        // empty) and commits its own marker. Chunks written here are committed under that marker, so the core sees
        // the index in step with its table and leaves it alone when it comes back.
        String marker = await("the core's first commit to the new index", CHANGE, index::marker, m -> m != null);
        index.upsert(List.of(
                new IndexedChunk("article", 1, 0, "Runbook", "Restart esx-ams-0003 after a datastore outage",
                        new float[]{1, 0, 0}, "OPS", null, null, false, Instant.now()),
                new IndexedChunk("ticket", 2, 0, "INC-2", "Disk full on db1.example.com", new float[]{0, 1, 0}, null,
                        "INC", "Done", true, Instant.now())));
        index.commit(marker);
        assertEquals(List.of(1L), ids(index.search(new IndexQuery("esx-ams-0003", null, null, null, null, null, false, 5))));
        assertEquals(2L, index.search(new IndexQuery(null, new float[]{0, 1, 0.1f}, null, null, null, null, false, 5))
                .get(0).contentId());
        Path data = home().resolve("data").resolve("vector-index");
        assertTrue(data + " holds the index", Files.isDirectory(data));

        Files.delete(deploy.resolve(JAR));
        await("the vector index bundle to be uninstalled", CHANGE, () -> HotDeployIT.bundleOrNull(bundleContext, BSN),
                b -> b == null);
        assertEquals(null, bundleContext.getServiceReference(VectorIndex.class));
        try (var files = Files.list(data)) {
            assertTrue("index files stay on disk", files.anyMatch(f -> f.getFileName().toString().startsWith("segments_")));
        }

        moveInto(deploy, JAR, Files.readAllBytes(Container.projectBundle(BSN)));
        VectorIndex again = awaitIndex();
        assertEquals(marker, again.marker());
        assertEquals(2, again.size());
        assertEquals(3, again.dimension());
        assertEquals(List.of(2L), ids(again.search(new IndexQuery("db1.example.com", new float[]{0, 1, 0}, "ticket",
                null, "INC", null, true, 5))));
    }
}

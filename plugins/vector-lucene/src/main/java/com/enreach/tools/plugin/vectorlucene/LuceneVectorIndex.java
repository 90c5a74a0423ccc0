package com.enreach.tools.plugin.vectorlucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.store.MMapDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.api.vector.VectorIndex;

/**
 * The vector index service: a {@link LuceneIndexStore} under the platform home, opened on activation and closed on
 * deactivation (bundle stopped, removed or reconfigured), so the files stay consistent at the last commit and the
 * same index and marker come back with the bundle.
 */
@Component(service = VectorIndex.class, configurationPid = LuceneVectorIndex.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LuceneIndexConfig.class)
public final class LuceneVectorIndex implements VectorIndex {
    static final String PID = "enreach.vector.lucene";
    private static final Logger LOG = LoggerFactory.getLogger(LuceneVectorIndex.class);

    private final LuceneIndexStore store;

    @Activate
    public LuceneVectorIndex(BundleContext context, LuceneIndexConfig config) throws IOException {
        Path dir = resolve(context == null ? null : context.getProperty("enreach.home"), config.path());
        IndexSettings settings = new IndexSettings(config.candidates_per_result(), config.candidates_min(),
                config.hnsw_m(), config.hnsw_beam_width(), config.ram_buffer_mb());
        this.store = LuceneIndexStore.open(dir, settings);
        LOG.info("Vector index at {}: {} chunks, marker {}", dir, store.size(), store.marker());
        if (!MMapDirectory.UNMAP_SUPPORTED) {
            // then closed index files stay mapped until garbage collection: harmless, but worth knowing
            LOG.warn("Lucene cannot unmap index files here: {}", MMapDirectory.UNMAP_NOT_SUPPORTED_REASON);
        }
    }

    /** {@code path} against the platform home (framework property {@code enreach.home}, else the working dir). */
    static Path resolve(String home, String path) {
        Path base = Path.of(home == null || home.isBlank() ? "." : home);
        String p = path == null || path.isBlank() ? "data/vector-index" : path.trim();
        return base.resolve(p).toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() throws IOException {
        store.close();
        LOG.info("Vector index at {} closed", store.path());
    }

    @Override
    public String marker() {
        return store.marker();
    }

    @Override
    public long size() {
        return store.size();
    }

    @Override
    public int dimension() {
        return store.dimension();
    }

    @Override
    public void upsert(Collection<IndexedChunk> chunks) {
        store.upsert(chunks);
    }

    @Override
    public void delete(Collection<String> contentKeys) {
        store.delete(contentKeys);
    }

    @Override
    public void clear() {
        store.clear();
    }

    @Override
    public void commit(String marker) {
        store.commit(marker);
    }

    @Override
    public List<IndexHit> search(IndexQuery query) {
        return store.search(query);
    }
}

package com.enreach.tools.core.internal.vector;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.VectorizationService;
import com.enreach.tools.api.kb.VectorizationStatus;
import com.enreach.tools.api.kb.VectorizeResult;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.api.vector.VectorIndex;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.sync.ChangeListener;

/**
 * Vectorisation of articles and tickets with the installed embedding provider, and the vector index kept in step
 * with the {@code embeddings} table (see {@link Vectorizer} and {@link IndexFeeder}). One vectorisation runs at a
 * time. After every sync run it vectorises what became pending, in the background, when a provider is installed
 * (configurable). When an index plugin appears, or its marker is not the one stored, the index is rebuilt from the
 * table in the background.
 */
@Component(service = {VectorizationService.class, ChangeListener.class, VectorizationServiceImpl.class}, configurationPid = VectorizationServiceImpl.PID,
        immediate = true)
@Designate(ocd = VectorizationServiceImpl.Config.class)
public class VectorizationServiceImpl implements VectorizationService, ChangeListener {
    static final String PID = "com.enreach.tools.vectorization";
    private static final Logger LOG = LoggerFactory.getLogger(VectorizationServiceImpl.class);
    private static final int FAILURE_SAMPLE = 10;

    @ObjectClassDefinition(name = "Enreach vectorisation", description = "How articles and tickets are cut into chunks and embedded.")
    public @interface Config {
        @AttributeDefinition(name = "Vectorise after sync runs", description = "Vectorise new and changed articles and tickets after each sync run"
                + " (when an embedding provider plugin is installed).")
        boolean auto_vectorize() default true;

        @AttributeDefinition(name = "Chunk size (tokens)", description = "Most tokens per chunk, title prefix included; capped at the model's limit."
                + " 256 is MiniLM's trained length.", min = "64", max = "512")
        int chunk_tokens() default 256;

        @AttributeDefinition(name = "Embedding batch", description = "Chunk texts sent to the model per call.", min = "1", max = "1024")
        int embed_batch() default 64;
    }

    private final Database db;
    private final KbPlugins plugins;
    private final IndexFeeder feeder;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();
    private final AtomicBoolean autoQueued = new AtomicBoolean();
    /** A sync run ended while a vectorisation was running: vectorise again when it ends. */
    private final AtomicBoolean autoAfterRun = new AtomicBoolean();
    private final ExecutorService background;
    private final Consumer<VectorIndex> onIndex = i -> checkIndex();
    /**
     * A model bound after the sync runs ended (MiniLM takes a while to load): what the runs left pending is vectorised
     * now, or it would wait for the next run.
     */
    private final Consumer<EmbeddingProvider> onProvider = p -> runEnded(0, "(embedding model bound)");
    private volatile boolean auto;
    private volatile int chunkTokens;
    private volatile int embedBatch;

    @Activate
    public VectorizationServiceImpl(@Reference Database db, @Reference KbPlugins plugins, Config config) {
        this(db, plugins, config.auto_vectorize(), config.chunk_tokens(), config.embed_batch(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "enreach-vectorization");
            t.setDaemon(true);
            return t;
        }));
        watchPlugins();
        checkIndex(); // an index bound before this component, or one left behind while the core was down
        runEnded(0, "(start)"); // contents left pending by a model bound before this component, or while the core was down
    }

    /** Hears of index and embedding-model plugins being bound (separate from the constructor for tests). */
    void watchPlugins() {
        plugins.onIndexBound(onIndex);
        plugins.onProviderBound(onProvider);
    }

    /**
     * Outside DS (tests, benchmarks).
     *
     * @param background runs automatic vectorisations and index rebuilds (tests pass a direct executor)
     */
    public VectorizationServiceImpl(Database db, KbPlugins plugins, boolean auto, int chunkTokens, int embedBatch, ExecutorService background) {
        this.db = db;
        this.plugins = plugins;
        this.feeder = new IndexFeeder(db);
        this.background = background;
        configure(auto, chunkTokens, embedBatch);
    }

    @Modified
    void modified(Config config) {
        configure(config.auto_vectorize(), config.chunk_tokens(), config.embed_batch());
    }

    private void configure(boolean autoVectorize, int tokens, int batch) {
        if (tokens < 64 || tokens > 512 || batch < 1 || batch > 1024) {
            throw new IllegalArgumentException("vectorization: chunk.tokens must be 64..512 and embed.batch 1..1024, got " + tokens + " and " + batch);
        }
        this.auto = autoVectorize;
        this.chunkTokens = tokens;
        this.embedBatch = batch;
    }

    @Deactivate
    void deactivate() {
        plugins.removeIndexListener(onIndex);
        plugins.removeProviderListener(onProvider);
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public VectorizeResult vectorize(String contentType, boolean retryFailed, Consumer<Progress> progress) {
        if (contentType != null && !ContentTypes.ALL.contains(contentType)) {
            throw ApiException.invalid("type", "type must be article or ticket, got '" + contentType + "'");
        }
        EmbeddingProvider provider = plugins.provider();
        if (provider == null) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "no_embedding_provider", null,
                    "No embedding provider plugin is installed: nothing can be vectorised (install plugins/embedding-minilm)", null);
        }
        if (!running.compareAndSet(false, true)) {
            throw new ApiException(ApiException.Reason.CONFLICT, "vectorization_running", null, "A vectorisation is already running; try again when it ends",
                    null);
        }
        try {
            return run(provider, contentType, retryFailed, progress == null ? p -> { } : progress);
        } finally {
            running.set(false);
            if (autoAfterRun.getAndSet(false)) {
                runEnded(0, "(a run that ended during the last vectorisation)");
            }
        }
    }

    private VectorizeResult run(EmbeddingProvider provider, String contentType, boolean retryFailed, Consumer<Progress> progress) {
        long started = System.nanoTime();
        String model = KbPlugins.modelOf(provider);
        Vectorizer v = new Vectorizer(db, provider, chunkTokens, embedBatch, () -> plugins.provider() == provider);
        int contents = 0;
        int embedded = 0;
        int reused = 0;
        int removed = 0;
        int failed = 0;
        Map<String, Set<Long>> touched = new LinkedHashMap<>();
        for (String type : contentType == null ? List.of(ContentTypes.ARTICLE, ContentTypes.TICKET) : List.of(contentType)) {
            Vectorizer.Outcome o = v.run(type, retryFailed, progress);
            contents += o.contents();
            embedded += o.embedded();
            reused += o.reused();
            removed += o.removed();
            failed += o.failed();
            touched.put(type, o.touched());
        }
        VectorIndex index = plugins.index();
        if (index != null) {
            progress.accept(new Progress(contentType, 0, touched.values().stream().mapToInt(Set::size).sum(), "indexing"));
            try {
                feeder.push(index, model, touched);
            } catch (RuntimeException e) {
                // the vectors are stored; the index catches up on the next push or rebuild (its marker is now behind)
                LOG.warn("Could not update the vector index after vectorising; it is rebuilt on the next check", e);
            }
        }
        VectorizeResult r = new VectorizeResult(contentType, contents, embedded, reused, removed, failed, model, (System.nanoTime() - started) / 1_000_000);
        if (contents > 0 || removed > 0) {
            LOG.info("Vectorised {}: {} contents, {} chunks embedded, {} reused, {} removed, {} failed in {} ms", contentType == null ? "all" : contentType,
                    contents, embedded, reused, removed, failed, r.tookMs());
        }
        return r;
    }

    @Override
    public long reindex() {
        VectorIndex index = plugins.index();
        if (index == null) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "no_vector_index", null,
                    "No vector index plugin is installed: there is nothing to rebuild (install plugins/vector-lucene)", null);
        }
        return feeder.rebuild(index, feeder.indexModel(KbPlugins.modelOf(plugins.provider())));
    }

    @Override
    public VectorizationStatus status() {
        EmbeddingProvider provider = plugins.provider();
        String model = KbPlugins.modelOf(provider);
        VectorIndex index = plugins.index();
        boolean inSync = index != null && !rebuildQueued.get() && feeder.inSync(index, feeder.indexModel(model));
        long indexChunks = index == null ? -1 : index.size();
        return db.read(c -> {
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (String type : List.of(ContentTypes.ARTICLE, ContentTypes.TICKET)) {
                counts.put(type, KbContents.counts(c, type, model));
            }
            long chunks;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM embeddings"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                chunks = rs.getLong(1);
            }
            return new VectorizationStatus(counts, chunks, model, index != null, indexChunks, inSync, failures(c), running.get());
        });
    }

    private static List<String> failures(java.sql.Connection c) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.content_type, s.content_id, coalesce(a.title, t.ticket_key), s.reason FROM kb_vector_status s"
                + " LEFT JOIN kb_articles a ON s.content_type = 'article' AND a.id = s.content_id"
                + " LEFT JOIN kb_tickets t ON s.content_type = 'ticket' AND t.id = s.content_id"
                + " WHERE s.state = 'failed' ORDER BY s.updated_at DESC LIMIT " + FAILURE_SAMPLE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getLong(2) + (rs.getString(3) == null ? "" : " (" + rs.getString(3) + ")") + ": " + rs.getString(4));
            }
        }
        return out;
    }

    /** How many active contents of the types wait for vectors with the installed provider's model. */
    long pendingCount(List<String> types) {
        String model = KbPlugins.modelOf(plugins.provider());
        return db.read(c -> {
            long n = 0;
            for (String t : types) {
                n += KbContents.counts(c, t, model).get("pending");
            }
            return n;
        });
    }

    /** Whether the index can serve searches now: present, in step with the table, and no rebuild under way. */
    boolean indexReady(VectorIndex index) {
        if (index == null || rebuildQueued.get()) {
            return false;
        }
        if (!feeder.inSync(index, null)) {
            checkIndex();
            return false;
        }
        return true;
    }

    /** Rebuilds the index in the background when its marker is not the stored one (or it holds another model). */
    void checkIndex() {
        VectorIndex index = plugins.index();
        if (index == null) {
            return;
        }
        try {
            String model = feeder.indexModel(KbPlugins.modelOf(plugins.provider()));
            if (feeder.inSync(index, model) || !rebuildQueued.compareAndSet(false, true)) {
                return;
            }
            background.execute(() -> {
                try {
                    VectorIndex current = plugins.index();
                    if (current != null) {
                        feeder.rebuild(current, feeder.indexModel(KbPlugins.modelOf(plugins.provider())));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Rebuilding the vector index failed; it is tried again at the next check", e);
                } finally {
                    rebuildQueued.set(false);
                }
            });
        } catch (RuntimeException e) {
            rebuildQueued.set(false);
            LOG.warn("Could not check the vector index", e);
        }
    }

    @Override
    public void committed(long runId, String instance, long firstPosition, long lastPosition) {
        // vectorised once per run, at its end
    }

    /** After a sync run: vectorise what it changed, in the background, once (runs ending meanwhile are folded in). */
    @Override
    public void runEnded(long runId, String instance) {
        if (!auto || plugins.provider() == null || !autoQueued.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            autoQueued.set(false);
            try {
                if (plugins.provider() != null && (pendingCount(List.of(ContentTypes.ARTICLE, ContentTypes.TICKET)) > 0 || anyGone())) {
                    vectorize(null, false, null);
                }
            } catch (ApiException e) {
                if (e.reason() == ApiException.Reason.CONFLICT) {
                    // another vectorisation is running: it may have passed this run's changes, so go again when it ends
                    autoAfterRun.set(true);
                    if (!running.get() && autoAfterRun.getAndSet(false)) {
                        runEnded(runId, instance); // it ended meanwhile
                    }
                }
                LOG.debug("Automatic vectorisation skipped: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Automatic vectorisation after sync run {} failed", runId, e);
            }
        });
    }

    private boolean anyGone() {
        return db.read(c -> !KbContents.gone(c, ContentTypes.ARTICLE).isEmpty() || !KbContents.gone(c, ContentTypes.TICKET).isEmpty());
    }
}

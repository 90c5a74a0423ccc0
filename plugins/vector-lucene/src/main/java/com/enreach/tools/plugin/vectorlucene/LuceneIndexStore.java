package com.enreach.tools.plugin.vectorlucene;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.api.vector.VectorIndex;

/**
 * The index on disk, free of OSGi: one Lucene document per chunk, written through one {@link IndexWriter}, searched
 * through a {@link SearcherManager} on the directory's commits, so searches see exactly the last commit while
 * changes are written. The core's marker travels in the commit's user data. Uncommitted changes are dropped on
 * {@link #close()}, leaving the last commit and its marker consistent.
 */
public final class LuceneIndexStore implements VectorIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneIndexStore.class);
    static final String MARKER = "enreach.marker";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final IndexSettings settings;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final TextAnalyzer analyzer;
    private final Object writeLock = new Object();
    /** Vector length of the written (possibly uncommitted) state; 0 after clear. Guarded by writeLock. */
    private int writerDimension;
    private volatile boolean closed;

    private LuceneIndexStore(Path path, IndexSettings settings) throws IOException {
        this.path = path;
        this.settings = settings;
        this.analyzer = new TextAnalyzer();
        Files.createDirectories(path);
        Directory dir = FSDirectory.open(path);
        IndexWriter w = null;
        SearcherManager sm = null;
        try {
            w = new IndexWriter(dir, writerConfig(settings, analyzer));
            if (!DirectoryReader.indexExists(dir)) {
                w.commit(); // a first, empty commit: searchers always have one to open
            }
            sm = new SearcherManager(dir, null);
            IndexSearcher s = sm.acquire();
            try {
                // Reads every file's checksum: catches bit flips and truncation now rather than mid-search.
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    leaf.reader().checkIntegrity();
                }
                this.writerDimension = dimensionOf(s);
            } finally {
                sm.release(s);
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(sm, w, dir);
            throw e;
        }
        this.directory = dir;
        this.writer = w;
        this.searchers = sm;
    }

    /**
     * Opens (or creates) the index at {@code path}. A corrupt or unreadable index (damaged or truncated files, a
     * format too old or too new) is moved aside to {@code <path>.corrupt-<time>} with a warning, and an empty index
     * with no marker takes its place, for the core to rebuild.
     */
    public static LuceneIndexStore open(Path path, IndexSettings settings) throws IOException {
        try {
            return new LuceneIndexStore(path, settings);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException
                 | NoSuchFileException | FileNotFoundException e) {
            Path aside = moveAside(path);
            LOG.warn("Vector index at {} is unreadable ({}: {}); moved it to {} and starting empty: the core "
                    + "rebuilds it from the embeddings table", path, e.getClass().getSimpleName(), e.getMessage(), aside);
            return new LuceneIndexStore(path, settings);
        }
    }

    /** Moves a broken index aside, keeping only the latest broken copy (for a post-mortem, not for growth). */
    private static Path moveAside(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        String prefix = path.getFileName() + ".corrupt-";
        try (var old = Files.list(parent)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                IOUtils.rm(p);
            }
        }
        Path aside = parent.resolve(prefix + STAMP.format(Instant.now()));
        Files.move(path, aside);
        return aside;
    }

    private static IndexWriterConfig writerConfig(IndexSettings s, TextAnalyzer analyzer) {
        KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(s.hnswM(), s.hnswBeamWidth());
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(s.ramBufferMb())
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return hnsw;
                    }
                });
    }

    public Path path() {
        return path;
    }

    @Override
    public String marker() {
        return withSearcher(s -> {
            try {
                return ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(MARKER);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vector index commit at " + path, e);
            }
        });
    }

    @Override
    public long size() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public int dimension() {
        return withSearcher(s -> s.getIndexReader().numDocs() == 0 ? 0 : dimensionOf(s));
    }

    private static int dimensionOf(IndexSearcher s) {
        FieldInfo fi = FieldInfos.getMergedFieldInfos(s.getIndexReader()).fieldInfo(ChunkDocuments.VECTOR);
        return fi == null ? 0 : fi.getVectorDimension();
    }

    @Override
    public void upsert(Collection<IndexedChunk> chunks) {
        synchronized (writeLock) {
            ensureOpen();
            Map<String, List<Document>> byContent = new LinkedHashMap<>();
            int dim = writerDimension;
            for (IndexedChunk c : chunks) {
                int len = c.vector().length;
                if (dim == 0) {
                    dim = len;
                } else if (len != dim) {
                    throw new IllegalArgumentException("vector of " + c.contentKey() + " chunk " + c.chunk() + " has "
                            + len + " dimensions, the index holds " + dim + " (clear the index to change the model)");
                }
                byContent.computeIfAbsent(c.contentKey(), k -> new ArrayList<>()).add(ChunkDocuments.toDocument(c));
            }
            try {
                for (Map.Entry<String, List<Document>> e : byContent.entrySet()) {
                    writer.updateDocuments(new Term(ChunkDocuments.KEY, e.getKey()), e.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the vector index at " + path, e);
            }
            writerDimension = dim;
        }
    }

    @Override
    public void delete(Collection<String> contentKeys) {
        synchronized (writeLock) {
            ensureOpen();
            try {
                writer.deleteDocuments(contentKeys.stream().map(k -> new Term(ChunkDocuments.KEY, k))
                        .toArray(Term[]::new));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete from the vector index at " + path, e);
            }
        }
    }

    @Override
    public void clear() {
        synchronized (writeLock) {
            ensureOpen();
            try {
                writer.deleteAll(); // also forgets the field schema, so a new model may bring a new dimension
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear the vector index at " + path, e);
            }
            writerDimension = 0;
        }
    }

    @Override
    public void commit(String marker) {
        synchronized (writeLock) {
            ensureOpen();
            try {
                Map<String, String> data = marker == null ? Map.of() : Map.of(MARKER, marker);
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the vector index at " + path, e);
            }
        }
    }

    @Override
    public List<IndexHit> search(IndexQuery query) {
        return withSearcher(s -> {
            try {
                return new HybridSearch(s, analyzer, settings).search(query);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search the vector index at " + path, e);
            }
        });
    }

    private <T> T withSearcher(Function<IndexSearcher, T> work) {
        ensureOpen();
        IndexSearcher s;
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a searcher on the vector index at " + path, e);
        }
        try {
            return work.apply(s);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                LOG.debug("releasing a searcher of {} failed", path, e);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the vector index at " + path + " is closed");
        }
    }

    /** Closes the index; changes not committed are dropped (the last commit and its marker stay consistent). */
    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            IOUtils.close(searchers, writer, directory);
        }
    }
}

package com.enreach.tools.api.vector;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A persistent hybrid index of chunks (BM25 over text + kNN over vectors). The core owns what goes in: it writes
 * changes, then {@link #commit(String)}s them with a marker it also stores in its database; when the markers differ
 * (index new, lost, corrupt, or behind) the core rebuilds it with {@link #clear()}, {@link #upsert} and
 * {@link #commit(String)}. Thread-safe: searches run while changes are written and see the last commit.
 */
@ConsumerType
public interface VectorIndex {

    /** The marker of the last commit, or null for an empty, new or recovered (was corrupt) index. */
    String marker();

    /** Chunks in the last commit. */
    long size();

    /** The vector length the index holds (0 while empty). */
    int dimension();

    /** Replaces all chunks of each content named in {@code chunks} by the given ones. Visible after commit. */
    void upsert(Collection<IndexedChunk> chunks);

    /** Removes every chunk of the contents ({@code article:12}). Visible after commit. */
    void delete(Collection<String> contentKeys);

    /** Removes everything. Visible after commit. */
    void clear();

    /** Makes the changes durable and visible, and records the marker. */
    void commit(String marker);

    /**
     * Searches: BM25 when {@code text} is given, kNN when {@code vector} is given, fused by reciprocal rank when both.
     */
    List<IndexHit> search(IndexQuery query);
}

package com.enreach.tools.core.internal.vector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.api.vector.VectorIndex;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Keeps the vector index plugin's index a copy of the {@code embeddings} table (the vectors of one model: the
 * provider's, or without one the model most vectors were made with). Every commit carries a new marker
 * ({@code model|uuid}) that is also stored in {@code kb_index_state}; an index whose marker is not the stored one
 * (new, lost, recovered from corruption, or behind because the core stopped between the two) is rebuilt from the
 * table. Index writes are serialised here; searches go on meanwhile and see the index's last commit.
 */
final class IndexFeeder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);
    /** Contents per upsert when rebuilding or pushing; an upsert carries all chunks of each of its contents. */
    static final int BATCH_CONTENTS = 200;

    private final Database db;
    private final Object lock = new Object();

    IndexFeeder(Database db) {
        this.db = db;
    }

    /** The marker stored with the last commit the core made, or null. */
    String storedMarker() {
        return db.read(IndexFeeder::storedMarker);
    }

    private static String storedMarker(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT marker FROM kb_index_state WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String modelOfMarker(String marker) {
        int bar = marker == null ? -1 : marker.lastIndexOf('|');
        return bar < 0 ? null : marker.substring(0, bar);
    }

    /** Whether the index holds what the table holds for {@code model} (null: whatever model it was fed). */
    boolean inSync(VectorIndex index, String model) {
        String stored = storedMarker();
        String actual = index.marker();
        return stored != null && stored.equals(actual) && (model == null || model.equals(modelOfMarker(stored)));
    }

    /**
     * The model to index: the provider's once it has vectors, else the one most vectors were made with (so after a
     * model change the index keeps serving the old vectors' text until the new ones exist), else the provider's.
     */
    String indexModel(String providerModel) {
        String most = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT model, max(CASE WHEN model = ? THEN 1 ELSE 0 END) OVER ()"
                    + " FROM embeddings GROUP BY model ORDER BY count(*) DESC LIMIT 1")) {
                ps.setString(1, providerModel);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? (rs.getInt(2) == 1 ? providerModel : rs.getString(1)) : null;
                }
            }
        });
        return most != null ? most : providerModel;
    }

    /**
     * Brings the index up to date for these contents (their chunks replaced, or removed when they have none or are no
     * longer active), or rebuilds it whole when it is not in step with the table or holds another model.
     *
     * @return chunks written
     */
    long push(VectorIndex index, String model, Map<String, ? extends Collection<Long>> contents) {
        synchronized (lock) {
            if (!inSync(index, model)) {
                return rebuildLocked(index, model);
            }
            long written = 0;
            for (Map.Entry<String, ? extends Collection<Long>> e : contents.entrySet()) {
                List<Long> ids = new ArrayList<>(new LinkedHashSet<>(e.getValue()));
                for (int from = 0; from < ids.size(); from += BATCH_CONTENTS) {
                    List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_CONTENTS));
                    List<IndexedChunk> chunks = db.read(c -> chunks(c, e.getKey(), model, batch));
                    Set<Long> present = new LinkedHashSet<>();
                    chunks.forEach(ch -> present.add(ch.contentId()));
                    List<String> absent = new ArrayList<>();
                    for (Long id : batch) {
                        if (!present.contains(id)) {
                            absent.add(e.getKey() + ":" + id);
                        }
                    }
                    if (!chunks.isEmpty()) {
                        index.upsert(chunks);
                    }
                    if (!absent.isEmpty()) {
                        index.delete(absent);
                    }
                    written += chunks.size();
                }
            }
            commit(index, model);
            return written;
        }
    }

    /** Clears the index and writes every vector of the model from the table; returns chunks written. */
    long rebuild(VectorIndex index, String model) {
        synchronized (lock) {
            return rebuildLocked(index, model);
        }
    }

    private long rebuildLocked(VectorIndex index, String model) {
        long started = System.nanoTime();
        index.clear();
        long written = 0;
        if (model != null) {
            for (String type : List.of(ContentTypes.ARTICLE, ContentTypes.TICKET)) {
                List<Long> ids = db.read(c -> contentsWithVectors(c, type, model));
                for (int from = 0; from < ids.size(); from += BATCH_CONTENTS) {
                    List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_CONTENTS));
                    List<IndexedChunk> chunks = db.read(c -> chunks(c, type, model, batch));
                    if (!chunks.isEmpty()) {
                        index.upsert(chunks);
                    }
                    written += chunks.size();
                }
            }
        }
        commit(index, model);
        LOG.info("Vector index rebuilt from the embeddings table: {} chunks of {} in {} ms", written, model, (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    private void commit(VectorIndex index, String model) {
        String marker = (model == null ? "" : model) + "|" + UUID.randomUUID();
        index.commit(marker);
        long size = index.size();
        // stored after the index committed: a crash in between leaves markers that differ, so the next look rebuilds
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_index_state SET marker = ?, chunks = ?, updated_at = ? WHERE id = 1")) {
                ps.setString(1, marker);
                ps.setLong(2, size);
                ps.setString(3, Times.format(Times.now()));
                return ps.executeUpdate();
            }
        });
    }

    private static List<Long> contentsWithVectors(Connection c, String type, String model) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT e.content_id FROM embeddings e JOIN " + KbContents.table(type)
                + " t ON t.id = e.content_id AND t.status = 'active' WHERE e.content_type = ? AND e.model = ? ORDER BY 1")) {
            ps.setString(1, type);
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** The index's view of the chunks of these contents: vectors of the model, fields of the active contents. */
    static List<IndexedChunk> chunks(Connection c, String type, String model, List<Long> ids) throws SQLException {
        Map<Long, KbContents.Content> meta = new HashMap<>();
        for (KbContents.Content content : KbContents.load(c, type, ids, false)) {
            meta.put(content.id(), content);
        }
        List<IndexedChunk> out = new ArrayList<>();
        if (meta.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT content_id, chunk_no, chunk_text, vector FROM embeddings WHERE content_type = ?"
                + " AND model = ? AND content_id IN (SELECT value FROM " + Dialect.of(c).jsonIds() + ") ORDER BY content_id, chunk_no")) {
            ps.setString(1, type);
            ps.setString(2, model);
            ps.setString(3, Json.write(meta.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    KbContents.Content m = meta.get(rs.getLong(1));
                    out.add(new IndexedChunk(type, m.id(), rs.getInt(2), m.title(), rs.getString(3), Vectors.fromBlob(rs.getBytes(4)),
                            m.space(), m.project(), m.status(), m.resolved(), m.updated()));
                }
            }
        }
        return out;
    }
}

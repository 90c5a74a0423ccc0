package com.enreach.tools.core.internal.vector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/** The {@code embeddings} and {@code kb_vector_status} rows of contents: what is there, and writing a content's new state. */
final class EmbeddingRows {
    private EmbeddingRows() {
    }

    /** One chunk as stored (or about to be). */
    record Chunk(int no, String text, String hash, int tokens, float[] vector) {
    }

    /**
     * Vectors of the given model already stored for these contents, by chunk text hash: an unchanged chunk keeps its
     * vector wherever it moved within its content.
     */
    static Map<String, float[]> vectorsOf(Connection c, String type, Collection<Long> ids, String model) throws SQLException {
        Map<String, float[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk_hash, vector FROM embeddings WHERE content_type = ? AND model = ?"
                + " AND content_id IN (SELECT value FROM " + Dialect.of(c).jsonIds() + ")")) {
            ps.setString(1, type);
            ps.setString(2, model);
            ps.setString(3, Json.write(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Vectors.fromBlob(rs.getBytes(2)));
                }
            }
        }
        return out;
    }

    /** A vector of the model for this exact chunk text anywhere in the table (text shared between contents), or null. */
    static float[] anyVector(Connection c, String hash, String model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT vector FROM embeddings WHERE chunk_hash = ? AND model = ? LIMIT 1")) {
            ps.setString(1, hash);
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Vectors.fromBlob(rs.getBytes(1)) : null;
            }
        }
    }

    /**
     * Stores a content's chunks (rows whose text and model did not change are left alone), removes the chunks past its
     * new end, and records it as done for {@code sourceHash}. Returns how many old chunks were removed.
     */
    static int store(Connection c, String type, long id, List<Chunk> chunks, String model, long sourceHash) throws SQLException {
        String now = Times.format(Times.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO embeddings (content_type, content_id, chunk_no, chunk_hash, chunk_text,"
                + " token_count, vector, dimension, model, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (content_type, content_id, chunk_no) DO UPDATE SET chunk_hash = excluded.chunk_hash, chunk_text = excluded.chunk_text,"
                + " token_count = excluded.token_count, vector = excluded.vector, dimension = excluded.dimension, model = excluded.model,"
                + " created_at = excluded.created_at WHERE embeddings.chunk_hash <> excluded.chunk_hash OR embeddings.model <> excluded.model")) {
            for (Chunk ch : chunks) {
                ps.setString(1, type);
                ps.setLong(2, id);
                ps.setInt(3, ch.no());
                ps.setString(4, ch.hash());
                ps.setString(5, ch.text());
                ps.setInt(6, ch.tokens());
                ps.setBytes(7, Vectors.toBlob(ch.vector()));
                ps.setInt(8, ch.vector().length);
                ps.setString(9, model);
                ps.setString(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int removed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM embeddings WHERE content_type = ? AND content_id = ? AND chunk_no >= ?")) {
            ps.setString(1, type);
            ps.setLong(2, id);
            ps.setInt(3, chunks.size());
            removed = ps.executeUpdate();
        }
        state(c, type, id, "done", null, sourceHash, model, chunks.size(), now);
        return removed;
    }

    /** Records a failure; the content keeps the vectors it had (search still finds its previous text). */
    static void failed(Connection c, String type, long id, long sourceHash, String model, String reason) throws SQLException {
        int chunks;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM embeddings WHERE content_type = ? AND content_id = ?")) {
            ps.setString(1, type);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                chunks = rs.getInt(1);
            }
        }
        String r = reason == null || reason.isBlank() ? "unknown failure" : reason;
        state(c, type, id, "failed", r.length() > 500 ? r.substring(0, 500) : r, sourceHash, model, chunks, Times.format(Times.now()));
    }

    private static void state(Connection c, String type, long id, String state, String reason, long sourceHash, String model, int chunks,
                              String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_vector_status (content_type, content_id, state, reason, source_hash, model,"
                + " chunks, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_type, content_id) DO UPDATE SET state = excluded.state,"
                + " reason = excluded.reason, source_hash = excluded.source_hash, model = excluded.model, chunks = excluded.chunks,"
                + " updated_at = excluded.updated_at")) {
            ps.setString(1, type);
            ps.setLong(2, id);
            ps.setString(3, state);
            ps.setString(4, reason);
            ps.setLong(5, sourceHash);
            ps.setString(6, model);
            ps.setInt(7, chunks);
            ps.setString(8, now);
            ps.executeUpdate();
        }
    }

    /** Removes the vectors and state of contents; returns the vectors removed. */
    static int remove(Connection c, String type, Collection<Long> ids) throws SQLException {
        String json = Json.write(ids);
        int removed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM embeddings WHERE content_type = ? AND content_id IN (SELECT value FROM "
                + Dialect.of(c).jsonIds() + ")")) {
            ps.setString(1, type);
            ps.setString(2, json);
            removed = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM kb_vector_status WHERE content_type = ? AND content_id IN (SELECT value FROM "
                + Dialect.of(c).jsonIds() + ")")) {
            ps.setString(1, type);
            ps.setString(2, json);
            ps.executeUpdate();
        }
        return removed;
    }
}

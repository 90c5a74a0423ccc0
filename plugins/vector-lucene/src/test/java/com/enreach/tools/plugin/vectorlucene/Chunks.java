package com.enreach.tools.plugin.vectorlucene;

import java.time.Instant;

import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;

/** Small builders for test chunks and queries. */
final class Chunks {
    private Chunks() {
    }

    static IndexedChunk article(long id, int chunk, String space, String text, float... vector) {
        return new IndexedChunk("article", id, chunk, "Article " + id, text, vector, space, null, null, false,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static IndexedChunk ticket(long id, int chunk, String project, String status, boolean resolved, String text,
                               float... vector) {
        return new IndexedChunk("ticket", id, chunk, project + "-" + id, text, vector, null, project, status,
                resolved, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static IndexQuery text(String text, int limit) {
        return new IndexQuery(text, null, null, null, null, null, false, limit);
    }

    static IndexQuery vector(int limit, float... v) {
        return new IndexQuery(null, v, null, null, null, null, false, limit);
    }
}

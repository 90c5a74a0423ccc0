package com.enreach.tools.api.vector;

import java.time.Instant;
import java.util.Objects;

/**
 * One chunk of an article or ticket, as the index holds it: the text (for BM25), the vector (for kNN) and the fields
 * searches filter on.
 *
 * @param contentType {@code article} or {@code ticket}
 * @param contentId   the article's or ticket's id in the master database
 * @param chunk       the chunk's number within its content, from 0
 * @param title       article title, or ticket key and summary
 * @param text        the chunk's text (title and space/project prefixed, as embedded)
 * @param vector      L2-normalised
 * @param space       the article's space key, or null
 * @param project     the ticket's project key, or null
 * @param status      the ticket's workflow status, or null
 * @param resolved    whether the ticket has a resolution (false for articles)
 */
public record IndexedChunk(String contentType, long contentId, int chunk, String title, String text, float[] vector,
                           String space, String project, String status, boolean resolved, Instant updated) {
    public IndexedChunk {
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(vector, "vector is null");
    }

    /** The key of the content this chunk belongs to: {@code article:12}. */
    public String contentKey() {
        return contentType + ":" + contentId;
    }
}

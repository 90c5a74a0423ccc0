package com.enreach.tools.api.kb;

/**
 * Article filters; null means any.
 *
 * @param q      words in the title or text (database text search)
 * @param space  space key (exact, case-insensitive)
 * @param label  one label
 * @param status {@code active} (default when null) , {@code stale} or {@code all}
 * @param limit  1..{@link #MAX_LIMIT}
 */
public record ArticleQuery(String q, String source, String space, String label, String status, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;
}

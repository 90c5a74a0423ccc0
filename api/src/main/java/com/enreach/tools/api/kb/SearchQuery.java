package com.enreach.tools.api.kb;

/**
 * A search over the knowledge base; null filters mean any.
 *
 * @param text         what to look for, 1..1000 characters
 * @param contentType  {@link ContentTypes#ARTICLE}, {@link ContentTypes#TICKET} or null for both
 * @param space        articles of this space only (tickets are left out when set)
 * @param project      tickets of this project only (articles are left out when set)
 * @param status       tickets in this workflow status only
 * @param resolvedOnly tickets with a resolution only
 * @param mode         {@code hybrid} (default), {@code bm25} or {@code vector}; a mode the installed plugins cannot
 *                     serve falls back, and the result says so
 * @param limit        1..{@link #MAX_LIMIT}
 */
public record SearchQuery(String text, String contentType, String space, String project, String status,
                          boolean resolvedOnly, String mode, int limit) {
    public static final int MAX_LIMIT = 100;
}

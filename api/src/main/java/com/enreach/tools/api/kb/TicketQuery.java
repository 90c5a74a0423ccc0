package com.enreach.tools.api.kb;

/**
 * Ticket filters; null means any.
 *
 * @param q              words in key, summary, description or comments (database text search)
 * @param project        project key (exact, case-insensitive)
 * @param status         workflow status name (case-insensitive)
 * @param statusCategory {@code new}, {@code indeterminate}, {@code done}
 * @param resolved       true: only resolved tickets (a resolution is set); false: only unresolved
 * @param recordStatus   {@code active} (default when null), {@code stale} or {@code all}
 * @param limit          1..{@link #MAX_LIMIT}
 */
public record TicketQuery(String q, String source, String project, String type, String status, String statusCategory,
                          Boolean resolved, String assignee, String label, String recordStatus, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;
}

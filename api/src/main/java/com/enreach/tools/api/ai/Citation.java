package com.enreach.tools.api.ai;

/**
 * A source an answer cites.
 *
 * @param n     the marker number used in the text ({@code [n]}), from 1
 * @param kind  {@code entity}, {@code article}, {@code ticket}, {@code report} or {@code sync}
 * @param id    the entity / article / ticket id in the master database (0 for report and sync)
 * @param key   a human handle: the entity name, the ticket key, the article title, the report name, the instance
 * @param title what to show
 * @param link  the web UI link ({@code #/entities/12}, {@code #/ext/articles?id=3}, {@code #/ext/tickets?id=7},
 *              {@code #/reports/<name>}, {@code #/syncs?instance=<name>})
 * @param url   the source system's own URL (Confluence page, Jira issue), or null
 * @param quote the passage or fact quoted from it (short)
 */
public record Citation(int n, String kind, long id, String key, String title, String link, String url, String quote) {
}

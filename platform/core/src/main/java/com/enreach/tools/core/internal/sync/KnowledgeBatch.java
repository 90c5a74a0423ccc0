package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;


/** The articles, tickets and unchanged reports a run's loader buffers until its next batch is written. */
final class KnowledgeBatch {
    static final OwnedTable ARTICLES = new OwnedTable("kb_articles", com.enreach.tools.api.spi.EntityKinds.ARTICLE, "title", "NULL", "space_key", "space_name", "title",
            "body_html", "body_text", "url", "version", "revision", "last_updated", "author", "labels", "ancestors", "parent_id");
    static final OwnedTable TICKETS = new OwnedTable("kb_tickets", com.enreach.tools.api.spi.EntityKinds.TICKET, "ticket_key", "NULL", "ticket_key", "project", "project_name",
            "type", "summary", "description", "workflow_status", "status_category", "resolution", "resolution_date", "assignee", "reporter",
            "priority", "labels", "components", "issue_created", "issue_updated", "url", "revision");

    /** Whether a table holds knowledge (articles, tickets): the kinds with revisions and unchanged reports. */
    static boolean isKnowledge(OwnedTable t) {
        return t == ARTICLES || t == TICKETS;
    }

    /** Articles and tickets per batch at most, whatever the batch size: their bodies are large. */
    static final int MAX_RECORDS = 500;
    /** Characters of bodies a batch holds at most before it is written. */
    static final long MAX_CHARS = 16_000_000;

    private final Map<String, OwnedTable.Row> articles = new LinkedHashMap<>();
    private final Map<String, KnowledgeRows.TicketRow> tickets = new LinkedHashMap<>();
    /** owned table -> source ids reported unchanged since the stored revision. */
    private final Map<OwnedTable, List<String>> unchanged = new LinkedHashMap<>();
    private long chars;

    /** @return the row it replaced (same source id in this batch), or null */
    Object add(OwnedTable.Row article) {
        chars += ((String) article.values()[3]).length() + ((String) article.values()[4]).length();
        return articles.put(article.sourceId(), article);
    }

    Object add(KnowledgeRows.TicketRow ticket) {
        chars += ((String) ticket.row().values()[5]).length();
        ticket.comments().forEach(c -> chars += c.body().length());
        return tickets.put(ticket.row().sourceId(), ticket);
    }

    /** @return how many unchanged reports of that kind are buffered */
    int unchanged(String entityKind, String sourceId) {
        OwnedTable table = RunLoader.tableOf(entityKind);
        if (table == null || !isKnowledge(table)) {
            throw new IllegalArgumentException("unchanged: entity kind must be article or ticket, not " + entityKind);
        }
        List<String> ids = unchanged.computeIfAbsent(table, t -> new ArrayList<>());
        ids.add(Objects.requireNonNull(sourceId, "sourceId is null"));
        return ids.size();
    }

    boolean full(int batchSize) {
        return articles.size() + tickets.size() >= Math.min(batchSize, MAX_RECORDS) || chars >= MAX_CHARS;
    }

    boolean isEmpty() {
        return articles.isEmpty() && tickets.isEmpty() && unchanged.isEmpty();
    }

    void write(Connection c, String system, String instance, long runId, String now, ChangeLog log, Consumer<OwnedTable.Outcome> count)
            throws SQLException {
        if (!articles.isEmpty()) {
            count.accept(KnowledgeWriter.articles(c, system, instance, runId, now, new ArrayList<>(articles.values()), log));
        }
        if (!tickets.isEmpty()) {
            count.accept(KnowledgeWriter.tickets(c, system, instance, runId, now, new ArrayList<>(tickets.values()), log));
        }
    }

    /** Marks the rows reported unchanged as seen; returns how many it kept. */
    int keepUnchanged(Connection c, String instance, long runId, String now) throws SQLException {
        int kept = 0;
        for (Map.Entry<OwnedTable, List<String>> e : unchanged.entrySet()) {
            kept += e.getKey().keepUnchanged(c, instance, runId, now, e.getValue());
        }
        return kept;
    }

    void clear() {
        articles.clear();
        tickets.clear();
        unchanged.clear();
        chars = 0;
    }
}

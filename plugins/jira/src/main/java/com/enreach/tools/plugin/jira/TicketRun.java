package com.enreach.tools.plugin.jira;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.source.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One incremental run: list the JQL's issues cheaply (id and {@code updated} only), report those whose revision
 * the core already holds as unchanged, then fetch the new and changed ones in full by batches of ids
 * ({@code id in (...)}), with every comment. Issues the listing did not return are not emitted; the core marks them
 * stale under the delete budget.
 */
final class TicketRun {
    /** Most issues per full fetch: the JQL stays short and Jira answers with full fields at this page size. */
    static final int BATCH_MAX = 100;

    private final JiraClient client;
    private final TicketMapper mapper;
    private final SourceContext context;
    private final RecordSink sink;
    private final String selection;
    private final int pageSize;

    TicketRun(JiraClient client, TicketMapper mapper, SourceContext context, RecordSink sink, String selection, int pageSize) {
        this.client = client;
        this.mapper = mapper;
        this.context = context;
        this.sink = sink;
        this.selection = selection;
        this.pageSize = pageSize;
    }

    void run() throws SourceException {
        Map<String, String> stored = context.storedRevisions(EntityKinds.TICKET);
        List<String> changed = new ArrayList<>();
        int[] unchanged = {0};
        search("listing", "", Jql.ordered(selection), TicketMapper.LIST_FIELDS, pageSize, issue -> {
            String id = requireId(issue);
            String revision = TicketMapper.revision(issue);
            if (revision != null && revision.equals(stored.get(id))) {
                sink.unchanged(EntityKinds.TICKET, id);
                unchanged[0]++;
            } else {
                changed.add(id);
            }
        });
        List<String> ids = List.copyOf(new LinkedHashSet<>(changed)); // offset paging may repeat an issue
        int batch = Math.min(pageSize, BATCH_MAX);
        int batches = (ids.size() + batch - 1) / batch;
        for (int b = 0; b < batches; b++) {
            List<String> slice = ids.subList(b * batch, Math.min(ids.size(), (b + 1) * batch));
            String of = (b + 1) + "/" + batches;
            search("tickets " + of, "batch " + of + " ", Jql.ids(slice), TicketMapper.FIELDS, batch, this::emit);
        }
    }

    /**
     * Reads every page of a search, one {@code context.call} per page, handing each issue to {@code each}.
     *
     * @param where what failures name before the page number ("batch 2/5 "), so a message points at one request
     */
    private void search(String phase, String where, String jql, List<String> fields, int max, IssueHandler each)
            throws SourceException {
        JiraClient.Cursor cursor = JiraClient.Cursor.FIRST;
        Long firstTotal = null;
        for (int page = 1; cursor != null; page++) {
            Checks.notCancelled(context, "Jira run cancelled during " + phase);
            sink.phase(phase + " page " + page);
            String part = where + "page " + page;
            JiraClient.Cursor at = cursor;
            JiraClient.Page p = context.call(client.searchOperation() + " " + part,
                    () -> client.search(jql, fields, max, at, part));
            if (firstTotal == null) {
                firstTotal = p.total();
            } else if (p.total() != null && !p.total().equals(firstTotal)) {
                // offsets moved under us (issues added or removed): a skipped issue would wrongly go stale
                throw new RetryableSourceException("changed", "Jira's result for the " + phase + " changed while it was "
                        + "paged (" + firstTotal + " then " + p.total() + " issues); the run will be tried again", null);
            }
            for (JsonNode issue : p.issues()) {
                each.accept(issue);
            }
            cursor = p.next();
        }
    }

    private void emit(JsonNode issue) throws SourceException {
        String id = requireId(issue);
        if (TicketMapper.revision(issue) == null) {
            throw PermanentSourceException.malformed("Jira " + client.searchOperation(), "issue " + id + " has no updated time", null);
        }
        JsonNode field = issue.path("fields").path("comment");
        List<TicketRecord.Comment> comments = mapper.comments(field.path("comments"));
        long total = field.path("total").asLong(comments.size());
        if (total > comments.size()) {
            try {
                comments = allComments(id);
            } catch (PermanentSourceException | RetryableSourceException e) {
                if ("cancelled".equals(e.code())) {
                    throw e;
                }
                sink.notRefreshed(EntityKinds.TICKET, id, "its comments could not be read: " + e.getMessage());
                return;
            }
        }
        sink.ticket(mapper.ticket(issue, comments));
    }

    /** Every comment of an issue from its comment resource, page by page. */
    private List<TicketRecord.Comment> allComments(String id) throws SourceException {
        List<TicketRecord.Comment> all = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int startAt = 0, page = 1; ; page++) {
            Checks.notCancelled(context, "Jira run cancelled while reading comments of issue " + id);
            int from = startAt;
            String part = "comments page " + page;
            JsonNode p = context.call("GET " + client.flavor().api + "/issue/" + id + "/comment " + part,
                    () -> client.comments(id, from, part));
            List<TicketRecord.Comment> got = mapper.comments(p.path("comments"));
            for (TicketRecord.Comment c : got) {
                if (seen.add(c.id())) {
                    all.add(c);
                }
            }
            startAt += p.path("comments").size();
            if (p.path("comments").isEmpty() || startAt >= p.path("total").asLong(0)) {
                return all;
            }
        }
    }

    private String requireId(JsonNode issue) throws SourceException {
        String id = TicketMapper.id(issue);
        if (id == null) {
            throw PermanentSourceException.malformed("Jira " + client.searchOperation(), "an issue without id", null);
        }
        return id;
    }

    @FunctionalInterface
    private interface IssueHandler {
        void accept(JsonNode issue) throws SourceException;
    }
}

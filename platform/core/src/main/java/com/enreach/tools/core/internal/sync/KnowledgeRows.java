package com.enreach.tools.core.internal.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/**
 * Turns article and ticket records into rows of {@link KnowledgeBatch#ARTICLES} and {@link KnowledgeBatch#TICKETS}: sanitises the
 * HTML, extracts the text when the plugin left it out, caps oversize bodies, and refuses records without a title or
 * key (a warning each; the rest of the run goes on).
 */
final class KnowledgeRows {
    /** Characters kept of an article's HTML or text, a ticket's description, and one comment. */
    static final int MAX_BODY = 2_000_000;
    static final int MAX_COMMENT = 200_000;
    static final int MAX_COMMENTS = 2_000;

    /** A ticket's row and its comments (capped). */
    record TicketRow(OwnedTable.Row row, List<TicketRecord.Comment> comments) {
    }

    private KnowledgeRows() {
    }

    /** The row of an article, or null (warned) when it cannot be stored. */
    static OwnedTable.Row article(ArticleRecord a, BiConsumer<String, String> warn) {
        if (a.sourceId().isBlank()) {
            warn.accept(null, "article '" + a.title() + "' has no id; skipped");
            return null;
        }
        if (a.title().isBlank()) {
            warn.accept(a.sourceId(), "article has no title; skipped");
            return null;
        }
        String html = html(a.bodyHtml(), a.sourceId(), warn);
        String text = a.bodyText() != null ? a.bodyText() : HtmlText.of(html);
        text = cap(text, MAX_BODY, a.sourceId(), "text", warn);
        Object[] values = {a.spaceKey(), a.spaceName(), a.title().strip(), html, text, a.url(), a.version(), a.revision(),
            Times.format(a.lastUpdated()), a.author(), Json.write(a.labels()), Json.write(a.ancestors()), a.parentId()};
        return new OwnedTable.Row(a.sourceId(), Json.hash(Json.write(Arrays.asList(values))), values);
    }

    /** The row of a ticket with its comments, or null (warned) when it cannot be stored. */
    static TicketRow ticket(TicketRecord t, BiConsumer<String, String> warn) {
        if (t.sourceId().isBlank()) {
            warn.accept(null, "ticket '" + t.key() + "' has no id; skipped");
            return null;
        }
        if (t.key().isBlank()) {
            warn.accept(t.sourceId(), "ticket has no key; skipped");
            return null;
        }
        String description = cap(t.description() == null ? "" : t.description(), MAX_BODY, t.key(), "description", warn);
        List<TicketRecord.Comment> comments = new ArrayList<>();
        for (TicketRecord.Comment c : t.comments()) {
            if (comments.size() == MAX_COMMENTS) {
                warn.accept(t.key(), "more than " + MAX_COMMENTS + " comments; the rest were left out");
                break;
            }
            String body = cap(c.body(), MAX_COMMENT, t.key(), "comment " + c.id(), warn);
            comments.add(body == c.body() ? c : new TicketRecord.Comment(c.id(), c.author(), c.created(), c.updated(), body));
        }
        Object[] values = {t.key().strip(), t.project(), t.projectName(), t.type(), t.summary(), description, t.status(), t.statusCategory(),
            t.resolution(), Times.format(t.resolutionDate()), t.assignee(), t.reporter(), t.priority(), Json.write(t.labels()),
            Json.write(t.components()), Times.format(t.created()), Times.format(t.updated()), t.url(), t.revision()};
        long hash = Json.hash(Json.write(Arrays.asList(values)) + commentsKey(comments));
        return new TicketRow(new OwnedTable.Row(t.sourceId(), hash, values), comments);
    }

    /** The comments as one text for hashing and comparison. */
    static String commentsKey(List<TicketRecord.Comment> comments) {
        List<List<String>> l = new ArrayList<>(comments.size());
        for (TicketRecord.Comment c : comments) {
            l.add(Arrays.asList(c.id(), c.author(), Times.format(c.created()), Times.format(c.updated()), c.body()));
        }
        return Json.write(l);
    }

    /** Sanitised HTML of at most {@link #MAX_BODY} characters: cut before sanitising, so no tag is cut in half. */
    private static String html(String raw, String id, BiConsumer<String, String> warn) {
        String cut = cap(raw, MAX_BODY, id, "HTML body", warn);
        String html = KbHtml.sanitize(cut);
        // escaping can lengthen it; cut the source further until it fits
        for (int max = MAX_BODY / 2; html.length() > MAX_BODY; max /= 2) {
            html = KbHtml.sanitize(cut.substring(0, max));
        }
        return html;
    }

    private static String cap(String s, int max, String id, String what, BiConsumer<String, String> warn) {
        if (s == null || s.length() <= max) {
            return s;
        }
        warn.accept(id, what + " of " + s.length() + " characters cut to " + max);
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}

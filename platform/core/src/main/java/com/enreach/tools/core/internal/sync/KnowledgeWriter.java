package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Writes a batch of articles or tickets inside the loader's transaction: the rows through their {@link OwnedTable}
 * (so hashes, change log, reactivation and stale marking work as for devices), and for every new or changed row its
 * text search document, its mentions and (tickets) its comments.
 */
final class KnowledgeWriter {
    private KnowledgeWriter() {
    }

    static OwnedTable.Outcome articles(Connection c, String system, String instance, long runId, String now, List<OwnedTable.Row> rows,
                                       ChangeLog log) throws SQLException {
        OwnedTable.Plan plan = KnowledgeBatch.ARTICLES.plan(c, instance, runId, rows, false);
        OwnedTable.Outcome o = KnowledgeBatch.ARTICLES.apply(c, plan, system, instance, runId, now, true, log);
        Map<Long, OwnedTable.Row> written = written(plan, o);
        try (Documents docs = new Documents(c, ContentTypes.ARTICLE, "kb_article_text")) {
            for (Map.Entry<Long, OwnedTable.Row> e : written.entrySet()) {
                Object[] v = e.getValue().values();
                String title = (String) v[2];
                String text = (String) v[4];
                docs.put(e.getKey(), title, text, Mentions.in(title, text));
            }
        }
        return o;
    }

    static OwnedTable.Outcome tickets(Connection c, String system, String instance, long runId, String now, List<KnowledgeRows.TicketRow> batch,
                                      ChangeLog log) throws SQLException {
        Map<String, List<TicketRecord.Comment>> comments = new HashMap<>();
        List<OwnedTable.Row> rows = new ArrayList<>(batch.size());
        for (KnowledgeRows.TicketRow t : batch) {
            rows.add(t.row());
            comments.put(t.row().sourceId(), t.comments());
        }
        OwnedTable.Plan plan = KnowledgeBatch.TICKETS.plan(c, instance, runId, rows, false);
        for (OwnedTable.Update u : plan.updates()) {
            // comments are no column: name them when they differ, so the update is logged and counted as one
            if (!KnowledgeRows.commentsKey(storedComments(c, u.id())).equals(KnowledgeRows.commentsKey(comments.get(u.row().sourceId())))) {
                u.fields().add("comments");
            }
        }
        OwnedTable.Outcome o = KnowledgeBatch.TICKETS.apply(c, plan, system, instance, runId, now, true, log);
        Map<Long, OwnedTable.Row> written = written(plan, o);
        try (Documents docs = new Documents(c, ContentTypes.TICKET, "kb_ticket_text");
             PreparedStatement del = c.prepareStatement("DELETE FROM kb_ticket_comments WHERE ticket_id = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO kb_ticket_comments (ticket_id, comment_id, author, created, updated, body)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, OwnedTable.Row> e : written.entrySet()) {
                long id = e.getKey();
                Object[] v = e.getValue().values();
                List<TicketRecord.Comment> list = comments.get(e.getValue().sourceId());
                del.setLong(1, id);
                del.addBatch();
                StringBuilder body = new StringBuilder((String) v[5]);
                String[] texts = new String[list.size() + 2];
                texts[0] = (String) v[4];
                texts[1] = (String) v[5];
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    TicketRecord.Comment cm = list.get(i);
                    texts[i + 2] = cm.body();
                    body.append("\n\n").append(cm.body());
                    if (!ids.add(cm.id())) {
                        continue; // a comment listed twice by the source is stored once
                    }
                    ins.setLong(1, id);
                    ins.setString(2, cm.id());
                    ins.setString(3, cm.author());
                    ins.setString(4, Times.format(cm.created()));
                    ins.setString(5, Times.format(cm.updated()));
                    ins.setString(6, cm.body());
                    ins.addBatch();
                }
                docs.put(id, v[0] + " " + v[4], body.toString(), Mentions.in(texts));
            }
            del.executeBatch();
            ins.executeBatch();
        }
        return o;
    }

    /** id -> row of every row the batch inserted or updated. */
    private static Map<Long, OwnedTable.Row> written(OwnedTable.Plan plan, OwnedTable.Outcome o) {
        Map<String, OwnedTable.Row> bySource = new HashMap<>();
        plan.inserts().forEach(r -> bySource.put(r.sourceId(), r));
        Map<Long, OwnedTable.Row> out = new LinkedHashMap<>();
        o.ids().forEach((sid, id) -> out.put(id, bySource.get(sid)));
        for (OwnedTable.Update u : plan.updates()) {
            out.put(u.id(), u.row());
        }
        return out;
    }

    private static List<TicketRecord.Comment> storedComments(Connection c, long ticketId) throws SQLException {
        List<TicketRecord.Comment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT comment_id, author, created, updated, body FROM kb_ticket_comments WHERE ticket_id = ? ORDER BY id")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TicketRecord.Comment(rs.getString(1), rs.getString(2), Times.parse(rs.getString(3)), Times.parse(rs.getString(4)),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Rewrites the text search document and the mentions of contents, batched. */
    private static final class Documents implements AutoCloseable {
        private final String type;
        private final PreparedStatement delText;
        private final PreparedStatement insText;
        private final PreparedStatement delMentions;
        private final PreparedStatement insMention;

        Documents(Connection c, String type, String ftsTable) throws SQLException {
            this.type = type;
            String key = Dialect.of(c).postgres() ? "id" : "rowid"; // an FTS5 table's key is its rowid
            delText = c.prepareStatement("DELETE FROM " + ftsTable + " WHERE " + key + " = ?");
            insText = c.prepareStatement("INSERT INTO " + ftsTable + " (" + key + ", title, body) VALUES (?, ?, ?)");
            delMentions = c.prepareStatement("DELETE FROM kb_mentions WHERE content_type = ? AND content_id = ?");
            insMention = c.prepareStatement("INSERT INTO kb_mentions (content_type, content_id, token, kind, mention) VALUES (?, ?, ?, ?, ?)");
        }

        void put(long id, String title, String body, List<Mentions.Mention> mentions) throws SQLException {
            delText.setLong(1, id);
            delText.addBatch();
            insText.setLong(1, id);
            insText.setString(2, title);
            insText.setString(3, body);
            insText.addBatch();
            delMentions.setString(1, type);
            delMentions.setLong(2, id);
            delMentions.addBatch();
            for (Mentions.Mention m : mentions) {
                insMention.setString(1, type);
                insMention.setLong(2, id);
                insMention.setString(3, m.token());
                insMention.setString(4, m.kind());
                insMention.setString(5, m.text());
                insMention.addBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                delText.executeBatch();
                insText.executeBatch();
                delMentions.executeBatch();
                insMention.executeBatch();
            } finally {
                delText.close();
                insText.close();
                delMentions.close();
                insMention.close();
            }
        }
    }
}

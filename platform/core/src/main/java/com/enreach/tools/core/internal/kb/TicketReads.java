package com.enreach.tools.core.internal.kb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.Ticket;
import com.enreach.tools.api.kb.TicketComment;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.api.kb.TicketQuery;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/** The ticket list (filters, text search over key, summary, description and comments, paging) and a ticket's detail. */
final class TicketReads {
    private static final Set<String> CATEGORIES = Set.of("new", "indeterminate", "done");
    private static final String COLUMNS = "x.id, x.source_instance, x.source_id, x.ticket_key, x.project, x.type, x.summary, x.workflow_status,"
            + " x.status_category, x.resolution, x.resolution_date, x.assignee, x.reporter, x.priority, x.labels, x.components, x.issue_created,"
            + " x.issue_updated, x.url, x.status, %s, x.last_seen";

    private final Database db;
    private final Supplier<String> model;
    private final EntityMentions mentions;

    TicketReads(Database db, Supplier<String> model, EntityMentions mentions) {
        this.db = db;
        this.model = model;
        this.mentions = mentions;
    }

    private String columns() {
        return String.format(COLUMNS, VectorStates.statusSql(ContentTypes.TICKET, model.get()));
    }

    Page<Ticket> list(TicketQuery q) {
        KbSql.page(q.limit(), q.offset(), TicketQuery.MAX_LIMIT);
        if (q.statusCategory() != null && !q.statusCategory().isBlank() && !CATEGORIES.contains(q.statusCategory().trim().toLowerCase(Locale.ROOT))) {
            throw ApiException.invalid("status_category", "status_category must be new, indeterminate or done; got '" + q.statusCategory() + "'");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        Dialect dialect = db.dialect();
        KbSql.filter(where, args, "x.status = ?", KbSql.status("record_status", q.recordStatus()));
        KbSql.filter(where, args, "x.source_instance = ?", q.source());
        KbSql.filter(where, args, KbSql.equalsNocase(dialect, "x.project"), q.project());
        KbSql.filter(where, args, KbSql.equalsNocase(dialect, "x.type"), q.type());
        KbSql.filter(where, args, KbSql.equalsNocase(dialect, "x.workflow_status"), q.status());
        KbSql.filter(where, args, KbSql.equalsNocase(dialect, "x.status_category"), q.statusCategory());
        KbSql.filter(where, args, KbSql.equalsNocase(dialect, "x.assignee"), q.assignee());
        KbSql.filter(where, args, KbSql.hasLabel(dialect), q.label());
        if (q.resolved() != null) {
            where.append(q.resolved() ? " AND x.resolution IS NOT NULL" : " AND x.resolution IS NULL");
        }
        return KbSql.page(db, "kb_tickets", "kb_ticket_text", columns(), where, args, " ORDER BY x.issue_updated DESC, x.id DESC", q.q(), q.limit(), q.offset(),
                TicketReads::ticket);
    }

    Optional<TicketDetail> get(long id) {
        return KbSql.read(db, c -> detail(c, "x.id = ?", id));
    }

    /** The ticket with a key; the newest active one when several instances hold it. */
    Optional<TicketDetail> byKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.invalid("key", "a ticket key is needed, e.g. OPS-123");
        }
        return KbSql.read(db, c -> {
            long[] id = {0};
            KbSql.query(c, "SELECT id FROM kb_tickets WHERE " + KbSql.equalsNocase(db.dialect(), "ticket_key")
                    + " ORDER BY status = 'active' DESC, issue_updated DESC, id DESC"
                    + " LIMIT 1", List.of(key.trim()), rs -> id[0] = rs.getLong(1));
            return id[0] == 0 ? Optional.empty() : detail(c, "x.id = ?", id[0]);
        });
    }

    private Optional<TicketDetail> detail(Connection c, String where, long id) throws SQLException {
        Ticket[] t = {null};
        String[] description = {null};
        long[] hash = {0};
        KbSql.query(c, "SELECT " + columns() + ", x.description, x.content_hash FROM kb_tickets x WHERE " + where, List.of(id), rs -> {
            t[0] = ticket(rs);
            description[0] = rs.getString(23);
            hash[0] = rs.getLong(24);
        });
        if (t[0] == null) {
            return Optional.empty();
        }
        List<TicketComment> comments = new ArrayList<>();
        KbSql.query(c, "SELECT comment_id, author, created, updated, body FROM kb_ticket_comments WHERE ticket_id = ? ORDER BY created, id",
                List.of(id), rs -> comments.add(new TicketComment(rs.getString(1), rs.getString(2), Times.parse(rs.getString(3)),
                        Times.parse(rs.getString(4)), rs.getString(5))));
        return Optional.of(new TicketDetail(t[0], description[0], comments, mentions.of(c, ContentTypes.TICKET, id),
                VectorStates.of(c, ContentTypes.TICKET, id, hash[0], model.get())));
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), Times.parse(rs.getString(11)), rs.getString(12), rs.getString(13),
                rs.getString(14), KbSql.list(rs.getString(15)), KbSql.list(rs.getString(16)), Times.parse(rs.getString(17)),
                Times.parse(rs.getString(18)), rs.getString(19), rs.getString(20), rs.getString(21), Times.parse(rs.getString(22)));
    }
}

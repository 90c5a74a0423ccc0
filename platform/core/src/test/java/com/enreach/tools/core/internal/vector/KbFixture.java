package com.enreach.tools.core.internal.vector;

import com.enreach.tools.core.internal.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * A master database with articles and tickets written straight into the knowledge tables (as the load path writes
 * them: row, text-search row, content hash of the content), and the vectorisation and search services over it.
 */
final class KbFixture {
    final Database db;
    final KbPlugins plugins = new KbPlugins();
    final VectorizationServiceImpl vectorization;
    final KbSearchService search;

    KbFixture(Path dir) {
        this(dir, true, 256);
    }

    KbFixture(Path dir, boolean auto, int chunkTokens) {
        db = TestDatabases.open(dir.resolve("kb.db"));
        vectorization = new VectorizationServiceImpl(db, plugins, auto, chunkTokens, 8, new Direct());
        plugins.onIndexBound(i -> vectorization.checkIndex());
        search = new KbSearchService(db, plugins, vectorization);
    }

    long article(String space, String title, String body) {
        return db.write(c -> {
            String now = Times.format(Times.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_articles (source_system, source_instance, source_id, space_key, space_name,"
                    + " title, body_text, url, content_hash, first_seen, last_seen, created_at, updated_at, last_updated)"
                    + " VALUES ('confluence', 'wiki', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, title);
                ps.setString(2, space);
                ps.setString(3, space + " space");
                ps.setString(4, title);
                ps.setString(5, body);
                ps.setString(6, "https://wiki.example.com/pages/" + title.hashCode());
                ps.setLong(7, Json.hash(title + body));
                for (int i = 8; i <= 12; i++) {
                    ps.setString(i, now);
                }
                ps.executeUpdate();
                long id;
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                text(c, "kb_article_text", id, title, body);
                return id;
            }
        });
    }

    long ticket(String key, String project, String status, String resolution, String summary, String description, String... comments) {
        return db.write(c -> {
            String now = Times.format(Times.now());
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_tickets (source_system, source_instance, source_id, ticket_key, project,"
                    + " summary, description, workflow_status, resolution, url, content_hash, first_seen, last_seen, created_at, updated_at, issue_updated)"
                    + " VALUES ('jira', 'jira', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, key);
                ps.setString(2, key);
                ps.setString(3, project);
                ps.setString(4, summary);
                ps.setString(5, description);
                ps.setString(6, status);
                ps.setString(7, resolution);
                ps.setString(8, "https://jira.example.com/browse/" + key);
                ps.setLong(9, Json.hash(summary + description + status + resolution + List.of(comments)));
                for (int i = 10; i <= 14; i++) {
                    ps.setString(i, now);
                }
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            int n = 0;
            for (String comment : comments) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_ticket_comments (ticket_id, comment_id, author, created, body)"
                        + " VALUES (?, ?, 'Ops Person', ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, "c" + n++);
                    ps.setString(3, now);
                    ps.setString(4, comment);
                    ps.executeUpdate();
                }
            }
            text(c, "kb_ticket_text", id, key + " " + summary, description + "\n\n" + String.join("\n\n", comments));
            return id;
        });
    }

    /** A new version of an article's body, as a sync run would store it. */
    void editArticle(long id, String body) {
        db.write(c -> {
            String title;
            try (PreparedStatement ps = c.prepareStatement("SELECT title FROM kb_articles WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    title = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_articles SET body_text = ?, content_hash = ? WHERE id = ?")) {
                ps.setString(1, body);
                ps.setLong(2, Json.hash(title + body));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kb_article_text WHERE " + key(c) + " = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            text(c, "kb_article_text", id, title, body);
            return null;
        });
    }

    void ticketStatus(long id, String status, String resolution) {
        exec("UPDATE kb_tickets SET workflow_status = ?, resolution = ?, content_hash = content_hash + 1 WHERE id = ?", status, resolution, id);
    }

    void stale(String table, long id) {
        exec("UPDATE " + table + " SET status = 'stale' WHERE id = ?", id);
    }

    void exec(String sql, Object... args) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    long count(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    String string(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static void text(Connection c, String table, long id, String title, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + key(c) + ", title, body) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, title);
            ps.setString(3, body);
            ps.executeUpdate();
        }
    }

    /** The key column of a text table: FTS5's rowid on SQLite, id on PostgreSQL (as KnowledgeWriter writes them). */
    private static String key(Connection c) throws SQLException {
        return Dialect.of(c).postgres() ? "id" : "rowid";
    }

    /** Runs background work at once, on the caller's thread: tests see its effect when the call returns. */
    static final class Direct extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}

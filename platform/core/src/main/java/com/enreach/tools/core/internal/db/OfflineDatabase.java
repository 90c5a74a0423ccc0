package com.enreach.tools.core.internal.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.sqlite.SQLiteDataSource;

/**
 * The master database file worked on from the command line, outside the container: a consistent copy of a live
 * database, the state of its migrations against the ones this release ships, migrating it, counting its rows,
 * checking its integrity. {@code enreach backup}, {@code restore} and {@code db ...} call these through a class loader
 * over this release's core and sqlite-jdbc jars, so only JDK types cross that boundary and nothing here logs.
 */
public final class OfflineDatabase {
    private OfflineDatabase() {
    }

    /**
     * Writes a consistent copy of the database to {@code dest} with {@code VACUUM INTO}: a snapshot of the last
     * committed state, taken through a read transaction, so it is safe while the platform runs and syncs write (WAL);
     * never a copy of the files.
     */
    public static void snapshot(String db, String dest) throws SQLException {
        Path target = Path.of(dest).toAbsolutePath();
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists");
        }
        try (Connection c = open(db); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toString());
            ps.execute();
        }
    }

    /**
     * The migrations' state: {@code schema_version} (null for an empty database), {@code applied} (count),
     * {@code pending} and {@code future} (versions with descriptions: shipped and not applied; applied and not shipped
     * by this release), {@code valid} and {@code problem} (Flyway's validation, pending migrations allowed: a
     * changed or missing applied migration, or a database newer than this release, is invalid).
     */
    public static Map<String, Object> info(String db) throws SQLException {
        SQLiteDataSource ds = source(db);
        Flyway flyway = Migrations.flyway(ds);
        MigrationInfoService info = flyway.info();
        Map<String, Object> out = new LinkedHashMap<>();
        MigrationInfo current = info.current();
        out.put("schema_version", current == null || current.getVersion() == null ? null : current.getVersion().getVersion());
        out.put("applied", info.applied().length);
        List<String> pending = new ArrayList<>();
        List<String> future = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            String name = m.getVersion() == null ? m.getDescription() : m.getVersion().getVersion() + " " + m.getDescription();
            if (m.getState() == MigrationState.PENDING) {
                pending.add(name);
            } else if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                future.add(name);
            } else if (m.getState().isFailed()) {
                failed.add(name);
            }
        }
        out.put("pending", pending);
        out.put("future", future);
        Flyway strict = Flyway.configure(Migrations.class.getClassLoader()).configuration(flyway.getConfiguration())
                .ignoreMigrationPatterns("*:pending").load();
        String problem = null;
        if (!future.isEmpty()) {
            problem = "the database has migrations this release does not ship (" + String.join(", ", future)
                    + "): it was migrated by a newer release; restore a backup taken before, or deploy that release";
        } else if (!failed.isEmpty()) {
            problem = "failed migrations are recorded: " + String.join(", ", failed);
        } else {
            ValidateResult v = strict.validateWithResult();
            if (!v.validationSuccessful) {
                problem = v.getAllErrorMessages();
            }
        }
        out.put("valid", problem == null);
        out.put("problem", problem);
        return out;
    }

    /** Applies the pending migrations; answers {@code migrations_executed} and the new {@code schema_version}. */
    public static Map<String, Object> migrate(String db) throws SQLException {
        SQLiteDataSource ds = source(db);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Flyway flyway = Migrations.flyway(ds);
            MigrateResult r = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            out.put("migrations_executed", r.migrationsExecuted);
            out.put("schema_version", current == null || current.getVersion() == null ? null : current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw new IllegalStateException(firstLines(e.getMessage()), e);
        }
        return out;
    }

    /**
     * Copies the database into an empty PostgreSQL database and compares row counts ({@link PostgresCopy}); needs
     * pgjdbc and Flyway's PostgreSQL module beside this jar.
     */
    public static Map<String, Object> migrateToPostgres(String db, String url, String user, String password) {
        try {
            return PostgresCopy.copy(Path.of(db), url, user, password.isEmpty() ? null : password);
        } catch (FlywayException e) {
            throw new IllegalStateException(firstLines(e.getMessage()), e);
        }
    }

    /** Rows per table (the database's own tables; full-text index tables are derived and left out). */
    public static Map<String, Long> counts(String db) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = open(db)) {
            List<String> tables = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                         + " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** {@code PRAGMA integrity_check}: "ok", or what SQLite found wrong (first lines). */
    public static String integrity(String db) throws SQLException {
        try (Connection c = open(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check(20)")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return String.join("; ", lines);
        }
    }

    private static SQLiteDataSource source(String db) {
        Path file = Path.of(db).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no database at " + file);
        }
        return Migrations.writeSource(file);
    }

    private static Connection open(String db) throws SQLException {
        return source(db).getConnection();
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "migration failed";
        }
        String[] lines = message.strip().split("\\R");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length && i < 8; i++) {
            if (!lines[i].isBlank()) {
                b.append(b.length() == 0 ? "" : " | ").append(lines[i].strip());
            }
        }
        return b.toString();
    }
}

package com.enreach.tools.core.internal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.enreach.tools.api.DatabaseHealth;
import com.enreach.tools.api.HealthService;

/** The database's health: a cheap read of the migration history, and the files' sizes. Registered once it is migrated. */
@Component(service = HealthService.class)
public class HealthServiceImpl implements HealthService {
    private final Database db;

    @Activate
    public HealthServiceImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public DatabaseHealth database() {
        boolean pg = db.dialect().postgres();
        String engine = pg ? "postgresql" : "sqlite";
        Path file = db.file();
        long[] size = {pg ? 0 : size(file)};
        long wal = pg ? 0 : size(file.resolveSibling(file.getFileName() + "-wal"));
        try {
            return db.read(c -> {
                // "WHERE success": an integer on SQLite, a boolean on PostgreSQL
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT (SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                             + " ORDER BY installed_rank DESC LIMIT 1), (SELECT count(*) FROM flyway_schema_history WHERE success"
                             + " AND version IS NOT NULL)" + (pg ? ", pg_database_size(current_database())" : ""))) {
                    rs.next();
                    if (pg) {
                        size[0] = rs.getLong(3);
                    }
                    return new DatabaseHealth(engine, rs.getString(1), rs.getInt(2), db.pendingMigrations(), size[0], wal, true, null);
                }
            });
        } catch (RuntimeException e) {
            return new DatabaseHealth(engine, null, 0, db.pendingMigrations(), size[0], wal, false, e.getMessage());
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}

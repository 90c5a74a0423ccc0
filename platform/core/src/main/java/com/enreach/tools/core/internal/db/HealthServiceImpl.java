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
        Path file = db.file();
        long size = size(file);
        long wal = size(file.resolveSibling(file.getFileName() + "-wal"));
        try {
            return db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT (SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                             + " ORDER BY installed_rank DESC LIMIT 1), (SELECT count(*) FROM flyway_schema_history WHERE success = 1"
                             + " AND version IS NOT NULL)")) {
                    rs.next();
                    return new DatabaseHealth("sqlite", rs.getString(1), rs.getInt(2), db.pendingMigrations(), size, wal, true, null);
                }
            });
        } catch (RuntimeException e) {
            return new DatabaseHealth("sqlite", null, 0, db.pendingMigrations(), size, wal, false, e.getMessage());
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

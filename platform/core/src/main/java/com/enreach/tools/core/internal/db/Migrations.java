package com.enreach.tools.core.internal.db;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * How the master database file is opened for writing and migrated: shared by the running platform ({@link Database})
 * and the command line's work on the file ({@link OfflineDatabase}), so both see the same schema the same way.
 */
public final class Migrations {
    /** Where the SQLite flavour of the migrations lies in this bundle (jar). */
    public static final String LOCATION = "classpath:db/migration/sqlite";
    /**
     * Where the PostgreSQL flavour lies: a baseline at V32 (the whole schema), then every later version beside its
     * SQLite twin. Needs pgjdbc and Flyway's PostgreSQL module on the class path.
     */
    public static final String POSTGRESQL_LOCATION = "classpath:db/migration/postgresql";

    private Migrations() {
    }

    /** The write connection settings: WAL, foreign keys, IMMEDIATE transactions, a long busy timeout. */
    public static SQLiteDataSource writeSource(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(60_000);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /**
     * Flyway over the shipped migrations. It scans with this class's loader: in the container, the core bundle's
     * (with any other it finds no migrations and reports success); outside it, the loader over the core jar.
     */
    public static Flyway flyway(DataSource ds) {
        return flyway(ds, LOCATION);
    }

    /** Flyway over the PostgreSQL flavour of the migrations, for a PostgreSQL master database. */
    public static Flyway postgresql(DataSource ds) {
        return flyway(ds, POSTGRESQL_LOCATION);
    }

    private static Flyway flyway(DataSource ds, String location) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .locations(location)
                .failOnMissingLocations(true)
                .load();
    }
}

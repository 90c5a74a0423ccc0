package com.enreach.tools.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.api.TokenService;
import com.enreach.tools.core.internal.query.DeviceQueries;
import com.enreach.tools.core.internal.security.TokenStore;

/**
 * Reads while a writer holds the write lock and an open write transaction: with WAL and the reader pool they answer
 * at once (the guard timeouts only keep a regression from hanging the build; nothing here measures time).
 */
class ReadPathTest {
    private static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        writer.shutdownNow();
    }

    @Test
    void readsAndAuthenticationAnswerWhileASyncHoldsAnOpenWriteTransaction() throws Exception {
        Database db = TestDatabases.open(dir.resolve("m.db"));
        TokenStore tokens = new TokenStore(db, dir.resolve("admin.token"), false);
        DeviceQueries devices = new DeviceQueries(db);
        TokenService.Created viewer = tokens.create("reader", com.enreach.tools.api.Role.VIEWER);
        long committed = db.write(c -> TestRows.device(c, "committed-01", "{}"));

        CountDownLatch inTransaction = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Like a sync batch: the write lock and an IMMEDIATE transaction with an uncommitted insert, held open.
        Future<?> held = writer.submit(() -> {
            try (Connection c = db.openWriteConnection()) {
                return db.transaction(c, w -> {
                    TestRows.device(w, "uncommitted-01", "{}");
                    inTransaction.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            }
        });
        inTransaction.await();
        try {
            assertTimeoutPreemptively(GUARD, () -> {
                assertTrue(tokens.authenticate(viewer.secret()).isPresent(), "a valid token is accepted while a write is open");
                assertTrue(tokens.authenticate(viewer.secret()).isPresent(), "and again (cached) with no write");
                assertEquals(1, devices.find(new DeviceQuery(null, null, null, null, null, 50, 0)).count(), "readers see the last commit");
                assertEquals(1, devices.find(new DeviceQuery(null, null, null, null, "committed", 50, 0)).count(), "search reads too");
                assertTrue(devices.get(committed).isPresent());
                assertEquals(2, tokens.list().size());
            });
        } finally {
            release.countDown();
        }
        held.get();
    }

    @Test
    void aReaderAnswersWhileAnotherConnectionHoldsBeginImmediate() throws Exception {
        Database db = TestDatabases.open(dir.resolve("m.db"));
        DeviceQueries devices = new DeviceQueries(db);
        TokenStore tokens = new TokenStore(db, dir.resolve("admin.token"), false);
        String secret = java.nio.file.Files.readString(dir.resolve("admin.token")).trim();
        try (Connection other = otherWriter(db, dir.resolve("m.db"))) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("INSERT INTO sync_metadata (source_instance, source_system, updated_at) VALUES ('x', 'x', 'now')");
            }
            TestRows.device(other, "pending-01", "{}");
            assertTimeoutPreemptively(GUARD, () -> {
                assertEquals(0, devices.find(new DeviceQuery(null, null, null, null, null, 50, 0)).count());
                assertTrue(tokens.authenticate(secret).isPresent(), "authentication neither writes nor waits");
            });
            other.rollback();
        }
    }

    @Test
    void aReaderWhoseConnectionBrokeIsReplaced() throws Exception {
        Database db = TestDatabases.open(dir.resolve("m.db"), 1, Duration.ofSeconds(5), Duration.ofMillis(50));
        if (TestDatabases.postgres()) {
            // the server ends the reader's session (a restart, a killed backend): the pool notices when it is next used
            try (Connection admin = otherWriter(db, dir.resolve("m.db")); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'enreach' AND pid <> pg_backend_pid()");
            }
        } else {
            try (Connection c = db.openReadConnection()) {
                c.unwrap(Connection.class).close(); // the driver connection under the pooled one dies
            }
        }
        assertEquals(1, (int) db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void authenticationWithNoFreeReaderIsRefusedAsOverloaded() throws Exception {
        Database db = TestDatabases.open(dir.resolve("m.db"), 1, Duration.ofSeconds(5), Duration.ofMillis(50));
        TokenStore tokens = new TokenStore(db, dir.resolve("admin.token"), false);
        String secret = java.nio.file.Files.readString(dir.resolve("admin.token")).trim();
        try (Connection busy = db.openReadConnection()) {
            ApiException e = assertThrows(ApiException.class, () -> tokens.authenticate(secret));
            assertEquals(ApiException.Reason.OVERLOADED, e.reason());
        }
        assertTrue(tokens.authenticate(secret).isPresent());
    }

    @Test
    void readersCannotWrite() {
        Database db = TestDatabases.open(dir.resolve("m.db"));
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.read(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM devices");
            }
        }));
        // SQLite: "readonly"/"query_only"; PostgreSQL: "cannot execute DELETE in a read-only transaction"
        assertTrue(e.getMessage().contains("readonly") || e.getMessage().contains("query_only") || e.getMessage().contains("read-only"), e.getMessage());
    }

    @Test
    void aQueryLayerReadPastItsBudgetIsInterruptedAndReportedAsATimeout() throws Exception {
        Database db = TestDatabases.open(dir.resolve("m.db"), 2, Duration.ofMillis(200));
        // Never ends on its own: only the budget can stop it.
        java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> assertTimeoutPreemptively(GUARD, () -> {
            try (Connection c = db.readSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")) {
                return rs.next();
            }
        }));
        assertTrue(Database.isReadTimeout(e), e.toString());
        // The reader is usable again afterwards, and the engine's own reads have no budget.
        assertEquals(1, (int) db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void whenEveryReaderIsBusyAQueryIsRefusedAsOverloadedNotQueued() throws Exception {
        Database db = TestDatabases.open(dir.resolve("m.db"), 1, Duration.ofSeconds(5), Duration.ofMillis(50));
        DeviceQueries devices = new DeviceQueries(db);
        try (Connection busy = db.openReadConnection()) {
            assertFalse(busy.isClosed());
            ApiException e = assertThrows(ApiException.class, () -> devices.find(new DeviceQuery(null, null, null, null, null, 50, 0)));
            assertEquals(ApiException.Reason.OVERLOADED, e.reason());
        }
        assertEquals(0, devices.find(new DeviceQuery(null, null, null, null, null, 50, 0)).count());
    }

    /** A second writer outside the platform: on SQLite one that takes the file's write lock (BEGIN IMMEDIATE) at once. */
    private static Connection otherWriter(Database db, java.nio.file.Path file) throws java.sql.SQLException {
        if (TestDatabases.postgres()) {
            return java.sql.DriverManager.getConnection(TestDatabases.url(file), com.enreach.tools.testkit.PostgresCluster.USER, "");
        }
        org.sqlite.SQLiteConfig immediate = new org.sqlite.SQLiteConfig();
        immediate.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE); // BEGIN IMMEDIATE on the first statement
        org.sqlite.SQLiteDataSource raw = new org.sqlite.SQLiteDataSource(immediate);
        raw.setUrl("jdbc:sqlite:" + db.file().toAbsolutePath());
        return raw.getConnection();
    }
}

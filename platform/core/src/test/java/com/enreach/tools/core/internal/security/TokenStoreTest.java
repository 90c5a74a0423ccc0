package com.enreach.tools.core.internal.security;

import com.enreach.tools.core.internal.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService.Created;
import com.enreach.tools.core.internal.db.Database;

class TokenStoreTest {
    @TempDir
    Path dir;

    private TokenStore store(Database db) {
        return new TokenStore(db, dir.resolve("etc").resolve("admin.token"), false);
    }

    private static ApiToken byId(TokenStore s, long id) {
        return s.list().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
        TokenStore s = store(TestDatabases.open(dir.resolve("m.db")));
        Created t = s.create("ci", Role.OPERATOR);
        assertTrue(s.authenticate(t.secret()).isPresent());
        assertTrue(s.authenticate(t.secret()).isPresent()); // now served from the cache
        assertTrue(s.revoke(t.token().id()));
        assertTrue(s.authenticate(t.secret()).isEmpty());
        assertFalse(s.revoke(t.token().id()), "revoking twice finds no active token");
    }

    @Test
    void useIsRecordedByTheFlushNotByTheRequest() {
        Database db = TestDatabases.open(dir.resolve("m.db"));
        TokenStore s = store(db);
        Created t = s.create("ci", Role.VIEWER);
        s.authenticate(t.secret());
        s.authenticate(t.secret());
        assertNull(byId(s, t.token().id()).lastUsedAt(), "authentication itself writes nothing");
        assertEquals(1, s.flushUse(), "one token used, one row written however many requests");
        assertNotNull(byId(s, t.token().id()).lastUsedAt());
        assertEquals(0, s.flushUse(), "nothing new to write");
    }

    @Test
    void theLastAdminTokenCannotRevokeItself() {
        TokenStore s = store(TestDatabases.open(dir.resolve("m.db")));
        long bootstrap = s.list().get(0).id();
        ApiException e = assertThrows(ApiException.class, () -> s.revoke(bootstrap));
        assertEquals(ApiException.Reason.CONFLICT, e.reason());
        assertEquals("last_admin", e.code());
        assertTrue(e.getMessage().contains("last active admin token"), e.getMessage());
        assertTrue(s.authenticate(readSecret()).isPresent(), "the refused revocation left the token valid");

        Created second = s.create("second-admin", Role.ADMIN);
        assertTrue(s.revoke(bootstrap), "with another admin it may go");
        assertThrows(ApiException.class, () -> s.revoke(second.token().id()));
        assertTrue(s.revoke(s.create("viewer", Role.VIEWER).token().id()), "other roles are never the last admin");
    }

    private String readSecret() {
        try {
            return Files.readString(dir.resolve("etc").resolve("admin.token")).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rolesAreStoredAndReportedInLowerCase() {
        Database db = TestDatabases.open(dir.resolve("m.db"));
        TokenStore s = store(db);
        s.create("v", Role.of("ViEwEr"));
        assertEquals(List.of("admin", "viewer"), storedRoles(db));
        assertEquals(Role.VIEWER, s.list().get(1).role());
        assertEquals("viewer", s.list().get(1).role().id());
    }

    @Test
    void mixedCaseRolesOfEarlierVersionsAreNormalised() throws Exception {
        // An upgrade of a SQLite database from V20: a PostgreSQL master database starts at the V32 baseline, never older
        assumeFalse(TestDatabases.postgres());
        Path file = dir.resolve("old.db");
        // A database as the previous version left it: roles stored in upper case.
        Flyway.configure(Database.class.getClassLoader()).dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration/sqlite").target("20").load().migrate();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO api_tokens (name, role, token_hash, prefix, created_at) VALUES ('old', 'ADMIN', 'h1', 'enr_x', '2025-01-01T00:00:00.000Z')");
            st.executeUpdate("INSERT INTO api_tokens (name, role, token_hash, prefix, created_at) VALUES ('ops', 'OPERATOR', 'h2', 'enr_y', '2025-01-01T00:00:00.000Z')");
        }
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc").resolve("admin.token"), "kept\n");
        Database db = TestDatabases.open(file);
        TokenStore s = store(db);
        assertEquals(List.of("admin", "operator"), storedRoles(db));
        assertEquals(Role.OPERATOR, s.list().get(1).role());
    }

    private static List<String> storedRoles(Database db) {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT role FROM api_tokens ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}

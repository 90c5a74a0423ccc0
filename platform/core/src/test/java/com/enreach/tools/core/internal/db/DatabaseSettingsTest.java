package com.enreach.tools.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etc/com.enreach.tools.database.cfg: which engine, and clear errors for what is wrong in it. */
class DatabaseSettingsTest {
    @TempDir
    Path home;

    private void cfg(String text) throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc").resolve(DatabaseSettings.FILE), text);
    }

    @Test
    void withoutTheFileOrWithSqliteTheMasterDatabaseIsTheSqliteFile() throws Exception {
        assertTrue(DatabaseSettings.read(home).isEmpty());
        cfg("engine=sqlite\n");
        assertTrue(DatabaseSettings.read(home).isEmpty());
    }

    @Test
    void postgresqlWithUrlUserAndAPrivatePassword() throws Exception {
        cfg("engine = PostgreSQL\nurl = jdbc:postgresql://db.example.com:5432/enreach?sslmode=verify-full\nuser=enreach\n.password=s3cret\n");
        DatabaseSettings s = DatabaseSettings.read(home).orElseThrow();
        assertEquals("jdbc:postgresql://db.example.com:5432/enreach?sslmode=verify-full", s.url());
        assertEquals("enreach", s.user());
        assertEquals("s3cret", s.password());
        assertFalse(s.toString().contains("s3cret"), "never the password: " + s);
    }

    @Test
    void noPasswordIsTrustOrPeerAuthentication() throws Exception {
        cfg("engine=postgresql\nurl=jdbc:postgresql://localhost/enreach\n");
        DatabaseSettings s = DatabaseSettings.read(home).orElseThrow();
        assertNull(s.password());
        assertNull(s.user());
    }

    @Test
    void whatIsWrongIsNamedWithTheFile() throws Exception {
        cfg("engine=mysql\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.read(home));
        assertTrue(e.getMessage().contains(DatabaseSettings.FILE) && e.getMessage().contains("engine") && e.getMessage().contains("mysql"), e.getMessage());

        cfg("engine=postgresql\n");
        e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.read(home));
        assertTrue(e.getMessage().contains("url"), e.getMessage());

        cfg("engine=postgresql\nurl=jdbc:sqlite:data/enreach.db\n");
        e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.read(home));
        assertTrue(e.getMessage().contains("not a PostgreSQL JDBC URL"), e.getMessage());

        cfg("engine=postgresql\nurl=jdbc:postgresql://db/enreach?user=x&password=hunter2\n");
        e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.read(home));
        assertTrue(e.getMessage().contains("carries a password"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "the password is not repeated: " + e.getMessage());

        cfg("engine=postgresql\nurl=jdbc:postgresql://db/enreach\npassword=plain-text\n");
        e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.read(home));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        assertFalse(e.getMessage().contains("plain-text"), "the password is not repeated: " + e.getMessage());
    }

    @Test
    void anUnreachableServerFailsTheOpenWithTheUrlAndTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/enreach";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Database.postgres(url, "enreach", "pw", 2, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains(url) && e.getMessage().contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains("pw,") || e.getMessage().contains("=pw"), e.getMessage());
    }
}

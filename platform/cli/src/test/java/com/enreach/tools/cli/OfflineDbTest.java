package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that work on the SQLite file refuse a home whose master database is PostgreSQL, and say what to use. */
class OfflineDbTest {
    @TempDir
    Path home;

    @Test
    void backupRestoreAndDbCommandsRefuseAPostgresqlHome() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/com.enreach.tools.database.cfg"), "engine = PostgreSQL\nurl=jdbc:postgresql://db/inventory\nuser=enreach\n");
        Cli cli = new Cli(null, home);
        for (String[] command : new String[][] {{"backup"}, {"restore", home.resolve("x.zip").toString()}, {"db", "info"}, {"db", "migrate"}, {"db", "counts"}, {"db", "snapshot", "--to", home.resolve("copy.db").toString()}}) {
            Cli.Result r = cli.run(command);
            assertEquals(ExitCodes.FAILED, r.exit(), String.join(" ", command) + ": " + r);
            assertTrue(r.err().contains("master database is PostgreSQL") && r.err().contains("pg_dump"), String.join(" ", command) + ": " + r);
        }
        assertTrue(Files.notExists(home.resolve("data/enreach.db")), "no SQLite file was created");
    }

    @Test
    void aSqliteEngineOrNoFileIsTheSqliteFile() throws Exception {
        OfflineDb.refusePostgresqlHome(home); // no etc/ at all
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/com.enreach.tools.database.cfg"), "engine=sqlite\n");
        OfflineDb.refusePostgresqlHome(home);
    }
}

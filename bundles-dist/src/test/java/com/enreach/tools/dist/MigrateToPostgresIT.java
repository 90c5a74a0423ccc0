package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.testkit.PostgresCluster;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code enreach db migrate-to-postgres} in the shipped distribution, against a throwaway PostgreSQL (Debian's
 * postgresql and postgresql-contrib, which .ci/run installs; fails, never skips, without them): refused while the
 * platform runs, then the synced master database is copied with equal row counts, the password taken from an
 * environment variable holding an {@code ENC(...)} value of {@code enreach secret encrypt}; a second copy into the same
 * database is refused, and a URL that is not PostgreSQL's is a usage error.
 */
class MigrateToPostgresIT {

    @Test
    void theMasterDatabaseIsCopiedIntoPostgresql() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start(); Distribution d = Distribution.copy("pg-migrate")) {
            String url = pg.createDatabase("inventory");
            d.start();
            d.writeConfig("source.demo-pg.cfg", "view=all\nsize=300\nseed=5\nschedule.minutes=1440\n");
            d.syncAll("demo-pg");

            Distribution.Result running = d.cli("db", "migrate-to-postgres", "--url", url, "--user", PostgresCluster.USER);
            assertEquals(1, running.exit(), running.toString());
            assertTrue(running.err().contains("running Enreach Tools"), running.toString());

            d.stop();
            long devices = Distribution.parse(d.cli("--json", "db", "counts").out()).path("devices").asLong();
            assertTrue(devices >= 300, "devices synced: " + devices);

            Distribution.Result encrypted = d.cliWithInput(Map.of(), "not-needed-with-trust-auth", "secret", "encrypt");
            assertEquals(0, encrypted.exit(), encrypted.toString());
            String enc = encrypted.out().trim();
            assertTrue(enc.startsWith("ENC("), enc);

            Distribution.Result copied = d.cli(Map.of("PG_SECRET", enc), "--json", "db", "migrate-to-postgres", "--url", url,
                    "--user", PostgresCluster.USER, "--password-env", "PG_SECRET");
            assertEquals(0, copied.exit(), copied.toString());
            JsonNode report = Distribution.parse(copied.out());
            assertEquals(devices, report.path("tables").path("devices").path("sqlite").asLong(), report.toString());
            assertEquals(devices, report.path("tables").path("devices").path("postgresql").asLong(), report.toString());
            assertTrue(report.path("tables").path("entity_links").path("postgresql").asLong() > 0, "resolved entities copied: " + report);
            assertTrue(report.path("tables").path("device_search").path("postgresql").asLong() >= devices, "search documents copied: " + report);
            try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT source_instance) FROM devices")) {
                rs.next();
                assertEquals(devices, rs.getLong(1));
            }

            Distribution.Result again = d.cli("db", "migrate-to-postgres", "--url", url, "--user", PostgresCluster.USER);
            assertEquals(1, again.exit(), again.toString());
            assertTrue(again.err().contains("already holds data") && again.err().contains("nothing was changed"), again.toString());

            // The platform then runs on the copy: etc/com.enreach.tools.database.cfg, the password as ENC(...). The
            // SQLite file is moved aside, so nothing could be read from it or written to it unnoticed.
            Files.move(d.home().resolve("data/enreach.db"), d.home().resolve("enreach.db.before-postgresql"));
            d.writeConfig("com.enreach.tools.database.cfg", "engine=postgresql\nurl=" + url + "\nuser=" + PostgresCluster.USER
                    + "\npassword=" + enc + "\n");
            d.start();
            JsonNode health = d.get("/api/health");
            assertEquals("postgresql", health.path("database").path("engine").asText(), health.toString());
            assertEquals(0, health.path("database").path("migrations_pending").asInt(), health.toString());
            assertEquals(devices, d.get("/api/devices?limit=1").path("count").asLong(), "the copied devices are served");
            JsonNode first = d.get("/api/devices?source_instance=demo-pg&limit=1").path("results").path(0);
            String name = first.path("name").asText();
            JsonNode found = d.get("/api/devices?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "&limit=50");
            assertTrue(found.path("results").findValuesAsText("name").contains(name), "search finds " + name + " on PostgreSQL: " + found);
            // a sync writes into PostgreSQL: the same estate again (the demo drifts a few devices per run) is matched
            // to the copied rows: nothing added, nothing stale
            d.syncAll("demo-pg");
            JsonNode run = d.get("/api/sync/runs?instance=demo-pg&limit=1").path("results").path(0);
            assertEquals(0, run.path("added").asLong(), run.toString());
            assertEquals(0, run.path("stale").asLong(), run.toString());
            assertTrue(run.path("fetched").asLong() >= 300, run.toString());
            assertEquals(run.path("fetched").asLong(), run.path("unchanged").asLong() + run.path("updated").asLong(), run.toString());
            assertEquals(devices, d.get("/api/devices?limit=1").path("count").asLong(), "no device lost or added by the resync");
            assertFalse(Files.exists(d.home().resolve("data/enreach.db")), "the SQLite file was not recreated");
            d.stop();

            Distribution.Result wrongUrl = d.cli("db", "migrate-to-postgres", "--url", "jdbc:mysql://x/y", "--user", "u");
            assertEquals(2, wrongUrl.exit(), wrongUrl.toString());
            assertTrue(wrongUrl.err().contains("--url must be a PostgreSQL JDBC URL"), wrongUrl.toString());
        }
    }
}

package com.enreach.tools.core.internal.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.db.Times;

/**
 * One refresh call over many entities (as a rebuild makes it), each with three overlapping sources: every entity gets
 * its values and counts, and a second call writes nothing. Prints the rate (not asserted: it follows the machine).
 */
class BulkRefreshTest {
    private static final int ENTITIES = Integer.getInteger("enreach.golden.bulk", 3000);

    @TempDir
    Path dir;

    @Test
    void refreshesManyEntitiesInOneCall() {
        GoldenFixture f = new GoldenFixture(dir);
        List<Long> ids = f.db.write(c -> {
            String seen = Times.format(GoldenFixture.T0);
            List<Long> out = new ArrayList<>();
            try (PreparedStatement dev = c.prepareStatement("INSERT INTO devices (name, type, source_system, source_instance, source_id,"
                    + " metadata, content_hash, first_seen, created_at, updated_at) VALUES (?, ?, 'demo', ?, ?, ?, 0, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS);
                 PreparedStatement facts = c.prepareStatement("INSERT INTO server_facts (device_id, os_name, os_release, memory_bytes,"
                         + " cpu_count, updated_at) VALUES (?, 'Ubuntu', '22.04', ?, 4, ?)")) {
                for (int i = 0; i < ENTITIES; i++) {
                    long e = GoldenFixture.entity(c, "e" + i, "unknown");
                    out.add(e);
                    String[][] sources = {
                        {"demo-vcenter", "vm-" + i, "vm", "{\"memory_mb\": " + (i % 10 == 0 ? 8192 : 16384) + ", \"vcpu\": 4, \"site\": \"ams\"}"},
                        {"demo-puppetdb", "web" + i + ".example.com", "server", "{}"},
                        {"demo-foreman", "web" + i + ".example.com", "server", "{\"site\": \"AMS\", \"os\": \"Ubuntu 22.04\"}"}};
                    for (String[] s : sources) {
                        dev.setString(1, s[0].equals("demo-vcenter") ? "web" + i : s[1]);
                        dev.setString(2, s[2]);
                        dev.setString(3, s[0]);
                        dev.setString(4, s[0] + "-" + i);
                        dev.setString(5, s[3]);
                        for (int k = 6; k <= 8; k++) {
                            dev.setString(k, seen);
                        }
                        dev.executeUpdate();
                        long d;
                        try (ResultSet rs = dev.getGeneratedKeys()) {
                            rs.next();
                            d = com.enreach.tools.core.internal.db.TestRows.seen(c, rs.getLong(1), seen);
                        }
                        GoldenFixture.link(c, d, e);
                        if (s[0].equals("demo-puppetdb")) {
                            facts.setLong(1, d);
                            facts.setLong(2, 16L << 30);
                            facts.setString(3, seen);
                            facts.executeUpdate();
                        }
                    }
                }
            }
            return out;
        });

        long t0 = System.nanoTime();
        GoldenRefresher.Stats first = f.db.write(c -> f.refresher.refreshCounted(c, ids));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        GoldenRefresher.Stats second = f.db.write(c -> f.refresher.refreshCounted(c, ids));
        double again = (System.nanoTime() - t1) / 1e9;
        System.out.printf("golden refresh: %d entities (3 observations each) in %.2f s = %.0f entities/s; unchanged again in %.2f s = %.0f/s%n",
                ENTITIES, seconds, ENTITIES / seconds, again, ENTITIES / again);

        // A run that finds every vCenter-like object unchanged: each entity's last_seen follows.
        f.sql("UPDATE device_seen SET seen_run_id = 9, last_seen = ? WHERE device_id IN (SELECT id FROM devices WHERE source_instance = 'demo-vcenter')",
                Times.format(GoldenFixture.T0.plusSeconds(3600)));
        long t2 = System.nanoTime();
        int moved = f.refresher.followLastSeen(9, "demo-vcenter");
        System.out.printf("golden last_seen after a run touching %d entities: %.2f s%n", moved, (System.nanoTime() - t2) / 1e9);
        assertEquals(ENTITIES, moved);

        assertEquals(ENTITIES, first.entitiesWritten());
        assertEquals(0, second.rowsWritten());
        assertEquals(0, second.entitiesWritten());
        for (int i : new int[] {0, 1, ENTITIES / 2, ENTITIES - 1}) {
            long e = ids.get(i);
            assertEquals("web" + i, f.entityRow(e).get("name"));
            assertEquals("vm", f.entityRow(e).get("type"));
            assertEquals("[\"demo-foreman\",\"demo-puppetdb\",\"demo-vcenter\"]", f.entityRow(e).get("sources"));
            assertEquals("Ubuntu 22.04", f.golden(e, Attributes.OS).value());
            assertEquals(i % 10 == 0, f.golden(e, Attributes.MEMORY_BYTES).conflict(), "entity " + i);
            assertEquals("AMS", f.golden(e, Attributes.SITE).value(), "site from *foreman* before *vcenter*");
        }
        long conflicts = f.db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM entity_attributes WHERE conflict = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals((ENTITIES + 9) / 10, conflicts, "only the 8-vs-16 GiB entities conflict");
        assertTrue(seconds > 0);
    }
}

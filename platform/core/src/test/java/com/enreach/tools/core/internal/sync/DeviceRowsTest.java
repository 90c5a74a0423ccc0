package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.core.internal.db.Json;

/**
 * A device row's metadata text and change-detection hash are written in one pass; both must stay exactly what they
 * were when written in two (metadata, then the metadata without its volatile values): a database written by an older
 * release keeps its hashes, so the first sync after an upgrade finds its devices unchanged.
 */
class DeviceRowsTest {
    /** The hash as releases before the one-pass writer computed it. */
    private static long storedHash(DeviceRecord d, String hostKey) {
        String hashed = Json.write(d.metadata());
        if (!d.volatileKeys().isEmpty()) {
            Map<String, Object> stable = new LinkedHashMap<>(d.metadata());
            stable.keySet().removeAll(d.volatileKeys());
            hashed = Json.write(stable) + '\u0000' + Json.write(new TreeSet<>(d.volatileKeys()));
        }
        long h = Json.hash(d.name() + '\u0000' + d.type() + '\u0000' + hostKey + '\u0000' + hashed);
        String children = DeviceChildren.canonical(d);
        return children == null ? h : h * 31 + Json.hash(children);
    }

    private static void same(DeviceRecord d) {
        OwnedTable.Row row = DeviceRows.row(d);
        String hostKey = (String) row.values()[2];
        assertEquals(Json.write(d.metadata()), row.values()[3], d.sourceId() + ": metadata text");
        assertEquals(storedHash(d, hostKey), row.hash(), d.sourceId() + ": hash");
    }

    @Test
    void oneRowWriteGivesTheTextAndHashOfTheTwoPassWrite() {
        same(DeviceRecord.of("empty", "web01", "vm"));
        same(DeviceRecord.of("scalars", "Web01.Example.COM", "server").hostname("web01.example.com")
                .put("zeta", "last").put("alpha", 1).put("long", 12_345_678_901L).put("flag", true).put("nothing", null)
                .put("ratio", 0.25).put("big", new java.math.BigDecimal("1e400")));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(3, "two", Map.of("b", 1, "a", 2)));
        nested.put("a", Map.of("y", "ü", "x", "\u0000\"\\\n"));
        same(DeviceRecord.of("nested", "sw-01", "network_device").put("tags", nested).put("Ünïcode ключ", "値")
                .put("\"quoted\"", "\t").put("emoji", "\uD83D\uDE00"));
        // volatile keys first, in the middle, last, and all of them
        same(DeviceRecord.of("vol-first", "db01", "server").putVolatile("a_uptime", 5).put("b", 1).put("c", 2));
        same(DeviceRecord.of("vol-middle", "db02", "server").put("a", 1).putVolatile("b_uptime", 5).put("c", 2));
        same(DeviceRecord.of("vol-last", "db03", "server").put("a", 1).put("b", 2).putVolatile("z_seen", "2026-12-03T10:00:00Z"));
        same(DeviceRecord.of("vol-all", "db04", "server").putVolatile("x", 1).putVolatile("y", Map.of("k", "v")));
        same(DeviceRecord.of("children", "esx01", "hypervisor").put("cluster", "c1")
                .addInterface(new InterfaceRecord("vmnic0", "00:50:56:AA:BB:CC", "physical", true, 9000, null)));
    }

    @Test
    void aVolatileValueDoesNotMoveTheHashButItsKeyDoes() {
        long before = DeviceRows.row(DeviceRecord.of("1", "db01", "server").put("os", "Debian").putVolatile("uptime", 5)).hash();
        assertEquals(before, DeviceRows.row(DeviceRecord.of("1", "db01", "server").put("os", "Debian").putVolatile("uptime", 6)).hash());
        assertNotEquals(before, DeviceRows.row(DeviceRecord.of("1", "db01", "server").put("os", "Debian")).hash());
        assertNotEquals(before, DeviceRows.row(DeviceRecord.of("1", "db01", "server").put("os", "Debian 12").putVolatile("uptime", 5)).hash());
    }

    /**
     * Rows of a large batch are built on every core; a record that cannot be written still fails its run with a
     * message naming the device, as one built on the run's thread does, and nothing is marked stale.
     */
    @Test
    void aValueThatIsNotJsonFailsTheRunNamingTheDevice(@TempDir java.nio.file.Path dir) {
        try (Fixtures.Env env = new Fixtures.Env(dir)) {
            boolean[] broken = {false};
            env.add("test", "rows", (ctx, sink) -> {
                for (int i = 0; i < 600; i++) {
                    DeviceRecord d = DeviceRecord.of("d" + i, "host" + i, "server").put("rack", "r" + (i % 7));
                    sink.device(broken[0] && i == 450 ? d.put("handle", new Object()) : d);
                }
            });
            assertEquals(600, env.runToEnd("test-rows", false).added());
            broken[0] = true;
            SyncRun failed = env.runToEnd("test-rows", false);
            assertEquals(SyncStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("device d450 (host450): metadata 'handle' holds a java.lang.Object, which is not JSON"), failed.error());
            assertTrue(failed.error().endsWith("Nothing was marked stale."), failed.error());
            assertEquals(false, failed.error().contains("SerializationFeature"), "no serializer internals: " + failed.error());
            assertEquals(0, failed.stale());
        }
    }
}

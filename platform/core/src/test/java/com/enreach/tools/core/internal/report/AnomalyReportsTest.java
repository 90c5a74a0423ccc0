package com.enreach.tools.core.internal.report;

import static com.enreach.tools.core.internal.report.Estate.byName;
import static com.enreach.tools.core.internal.report.Estate.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.inventory.ReportResult;

/** Anomaly reports: shared IPs, identity conflicts, stale-here-active-there; each with its near misses. */
class AnomalyReportsTest extends EstateTest {
    @Test
    void anAddressOnTwoEntitiesIsReportedOncePerEntityButTwiceOnOneEntityIsNot() {
        long web = estate.entity("web01.prod", "vm");
        long w1 = estate.seen(web, "vcenter", "vc", "vm", "web01");
        long w2 = estate.seen(web, "puppetdb", "pdb", "vm", "web01.prod.example.com");
        estate.ip(w1, "10.0.0.5", "nic0");
        estate.ip(w2, "10.0.0.5", "eth0"); // the same VM seen twice: no finding
        estate.ip(w1, "10.0.0.6", "nic0");
        long dev = estate.entity("web01.dev", "vm");
        long d1 = estate.seen(dev, "vcenter", "vc", "vm", "web01");
        estate.ip(d1, "10.0.0.6", "nic0"); // claimed by web01.prod too: a finding
        estate.ip(d1, "127.0.0.1", "lo");
        long other = estate.entity("db01", "server");
        long o1 = estate.seen(other, "foreman", "fm", "server", "db01");
        estate.ip(o1, "127.0.0.1", "lo"); // loopback everywhere: ignored by default
        long gone = estate.entity("old-box", "server");
        long g1 = estate.observation(gone, "foreman", "fm", "server", "old-box", "stale", "{}");
        estate.ip(g1, "10.0.0.5", "eth0"); // a stale observation claims nothing

        ReportResult r = estate.run("ip-claimed-twice", Map.of());

        assertEquals(List.of("web01.dev", "web01.prod"), names(r));
        assertEquals(2, r.total());
        Map<String, Object> row = byName(r).get("web01.prod");
        assertEquals("10.0.0.6", row.get("address"));
        assertEquals(2L, row.get("entities"));
        assertEquals("web01.dev (#" + dev + ")", row.get("other_entities"));
        assertEquals("vc", row.get("sources"));
        assertEquals("nic0", row.get("interfaces"));

        ReportResult withLoopback = estate.run("ip-claimed-twice", Map.of("ignore", "::1"));
        assertEquals(List.of("10.0.0.6", "10.0.0.6", "127.0.0.1", "127.0.0.1"),
                withLoopback.rows().stream().map(x -> x.values().get("address")).toList());
    }

    @Test
    void openIdentityConflictsWithTheirEntities() {
        long a = estate.entity("web01", "vm");
        long b = estate.entity("web01", "server");
        long da = estate.seen(a, "vcenter", "vc", "vm", "web01");
        long db = estate.seen(b, "foreman", "fm", "server", "web01");
        long open = estate.conflict("serial", "web01", "same host name, serials ABC and XYZ differ", "[" + b + "," + a + "]",
                "[" + da + "," + db + "]", "open");
        estate.conflict("serial", "db01", "resolved long ago", "[" + a + "]", "[" + da + "]", "resolved");
        long orphan = estate.conflict("system_uuid", "4c4c-1", "entities since merged away", "[999]", "[]", "open");

        ReportResult r = estate.run("identity-conflicts", Map.of());

        assertEquals(2, r.total());
        ReportResult.Row first = r.rows().get(0);
        assertEquals(Long.valueOf(a), first.entityId(), "drill-down goes to the conflict's first entity");
        assertEquals(open, first.values().get("conflict_id"));
        assertEquals("serial", first.values().get("kind"));
        assertEquals("same host name, serials ABC and XYZ differ", first.values().get("detail"));
        assertEquals("web01 (#" + b + "), web01 (#" + a + ")", first.values().get("entities"));
        assertEquals(2L, first.values().get("observations"));
        ReportResult.Row second = r.rows().get(1);
        assertEquals(orphan, second.values().get("conflict_id"));
        assertNull(second.entityId());
        assertNull(second.entityName());

        assertEquals(List.of(open), estate.run("identity-conflicts", Map.of("kind", "serial")).rows().stream()
                .map(x -> x.values().get("conflict_id")).toList());
    }

    @Test
    void staleInOneSourceButActiveInAnother() {
        long moved = estate.entity("app01", "vm");
        estate.observation(moved, "vcenter", "vc-old", "vm", "app01", "stale", "{}");
        estate.seen(moved, "vcenter", "vc-new", "vm", "app01");
        estate.seen(moved, "puppetdb", "pdb", "vm", "app01.example.com");
        long allStale = estate.entity("dead01", "vm", "stale");
        estate.observation(allStale, "vcenter", "vc-old", "vm", "dead01", "stale", "{}");
        estate.observation(allStale, "puppetdb", "pdb", "vm", "dead01", "stale", "{}");
        long sameInstance = estate.entity("twice", "vm");
        estate.observation(sameInstance, "vcenter", "vc-new", "vm", "twice-old", "stale", "{}");
        estate.seen(sameInstance, "vcenter", "vc-new", "vm", "twice");
        long fine = estate.entity("fine", "vm");
        estate.seen(fine, "vcenter", "vc-new", "vm", "fine");

        ReportResult r = estate.run("stale-in-one-active-in-another", Map.of());

        assertEquals(List.of("app01"), names(r));
        Map<String, Object> row = r.rows().get(0).values();
        assertEquals("vc-old", row.get("stale_source"));
        assertEquals("app01", row.get("stale_object"));
        assertEquals(Estate.daysAgo(5), row.get("stale_since"));
        assertEquals("pdb, vc-new", row.get("active_sources"));
        assertEquals(0, estate.run("stale-in-one-active-in-another", Map.of("source", "*puppetdb*")).total());
    }
}

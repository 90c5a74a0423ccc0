package com.enreach.tools.core.internal.identity;

import static com.enreach.tools.core.internal.identity.Estate.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.RebuildResult;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** Resolution driven by the change feed on a real database, read back through the EntityService. */
class IdentityResolutionTest {
    @TempDir
    Path dir;
    Estate estate;

    @BeforeEach
    void setUp() {
        estate = new Estate(dir);
    }

    @AfterEach
    void tearDown() {
        estate.db.close();
    }

    @Test
    void vcenterDuplicateNamesInThreeDatacentersAreThreeEntitiesWithTheirOwnNicsAndIps() {
        long[] vms = new long[3];
        for (int i = 0; i < 3; i++) {
            vms[i] = estate.device("vcenter-prod", "vm-" + i, "web01", "vm", meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-293a4b5c6d7" + i, "datacenter", "dc" + i));
            estate.nic(vms[i], "Network adapter 1", "00:50:56:00:00:0" + (i + 1), "10.0." + i + ".10");
        }
        estate.resolution.catchUp();
        assertEquals(3, estate.count("SELECT count(*) FROM entities"));
        for (int i = 0; i < 3; i++) {
            EntityDetail d = estate.entities.get(estate.entityOf(vms[i])).orElseThrow();
            assertEquals(1, d.observations().size());
            assertEquals(List.of("10.0." + i + ".10"), d.ipAddresses().stream().map(a -> a.address()).toList());
            assertEquals(List.of("00:50:56:00:00:0" + (i + 1)), d.interfaces().stream().map(n -> n.mac()).toList());
        }
        EntityLookup byName = estate.entities.lookup("web01");
        assertEquals(3, byName.candidates().size(), "a name that matches several entities answers with all of them");
        assertTrue(!byName.unique());
        assertEquals(1, estate.entities.lookup("10.0.1.10").candidates().size());
    }

    @Test
    void sourcesLinkThroughUuidInEitherByteOrderMacAndFqdnWithRuleAndEvidence() {
        long vm = estate.device("vcenter-prod", "vm-1", "app01", "vm", meta("system_uuid", "4237A1B2-C3D4-E5F6-0718-293A4B5C6D7E"));
        estate.nic(vm, "eth0", "00:50:56:AA:BB:01", "10.1.0.5");
        long node = estate.device("puppetdb-main", "app01.example.com", "app01.example.com", "server",
                meta("system_uuid", "b2a13742-d4c3-f6e5-0718-293a4b5c6d7e"));
        long host = estate.device("foreman-main", "42", "app01.example.com", "server", meta("primary_mac", "0050.56aa.bb01"));
        estate.resolution.catchUp();
        long entity = estate.entityOf(vm);
        assertEquals(entity, estate.entityOf(node));
        assertEquals(entity, estate.entityOf(host));
        EntityDetail d = estate.entities.get(entity).orElseThrow();
        Map<String, String> rules = new java.util.TreeMap<>();
        d.observations().forEach(o -> rules.put(o.device().sourceInstance(), o.rule() + ":" + o.evidence()));
        assertEquals("source-id:null", rules.get("foreman-main"));
        assertTrue(rules.get("puppetdb-main").startsWith("mac:") || rules.get("puppetdb-main").startsWith("fqdn:"), rules.toString());
        assertTrue(rules.get("vcenter-prod").startsWith("mac:00:50:56:aa:bb:01") || rules.get("vcenter-prod").startsWith("system_uuid:"), rules.toString());
        assertEquals(List.of("foreman-main", "puppetdb-main", "vcenter-prod"), d.entity().sources());
        assertEquals(3, estate.entities.lookup("00-50-56-aa-bb-01").candidates().get(0).observationCount());
    }

    @Test
    void webProdAndWebDevStayTwoEntitiesAndSameNameDifferentSerialOpensAConflict() {
        long prod = estate.device("puppetdb-main", "web01.prod.example.com", "web01.prod.example.com", "server", meta());
        long dev = estate.device("foreman-main", "9", "web01.dev.example.com", "server", meta());
        long esxA = estate.device("vcenter-prod", "host-1", "esx01", "hypervisor", meta("serial", "AAA111"));
        long esxB = estate.device("foreman-main", "10", "esx01", "server", meta());
        estate.facts(esxB, "BBB222");
        estate.resolution.catchUp();
        assertNotEquals(estate.entityOf(prod), estate.entityOf(dev));
        assertNotEquals(estate.entityOf(esxA), estate.entityOf(esxB));
        var conflicts = estate.entities.identityConflicts(true, 10, 0).results();
        assertEquals(1, conflicts.size());
        assertEquals("same-name-different-serial", conflicts.get(0).kind());
        assertEquals(List.of(esxA, esxB), conflicts.get(0).deviceIds());
        assertEquals(1, estate.entities.get(estate.entityOf(esxA)).orElseThrow().identityConflicts().size());
        assertEquals(1, estate.entities.get(estate.entityOf(esxA)).orElseThrow().entity().conflictCount());

        // the operator says they are one machine: merged, and the conflict is settled
        long kept = Math.min(estate.entityOf(esxA), estate.entityOf(esxB));
        assertEquals(kept, estate.entities.merge(List.of(estate.entityOf(esxA), estate.entityOf(esxB)), "same chassis", "alice").id());
        assertEquals(0, estate.entities.identityConflicts(true, 10, 0).count());
        assertEquals("resolved", estate.entities.identityConflicts(false, 10, 0).results().get(0).status());
    }

    @Test
    void eachObservationLinksToItsObjectThroughItsOwnInstancesConnector() {
        estate.registry.bindConnector(new com.enreach.tools.api.spi.SourceConnector() {
            @Override
            public com.enreach.tools.api.spi.SourceDescriptor descriptor() {
                return new com.enreach.tools.api.spi.SourceDescriptor("vcenter", "vCenter", java.util.Set.of("device"), "test");
            }

            @Override
            public List<com.enreach.tools.api.plugin.FieldError> validate() {
                return List.of();
            }

            @Override
            public com.enreach.tools.api.plugin.CheckResult checkConnection(com.enreach.tools.api.spi.SourceContext context) {
                return com.enreach.tools.api.plugin.CheckResult.ok("test");
            }

            @Override
            public void fetch(com.enreach.tools.api.spi.SourceContext context, com.enreach.tools.api.spi.RecordSink sink) {
            }

            @Override
            public String objectUrl(String kind, String sourceId, Map<String, Object> metadata) {
                return "https://vc.example.com/ui/app/" + kind + "/" + sourceId + "/" + metadata.get("moref");
            }
        }, Map.of("service.pid", "source.vcenter~prod"));
        long vm = estate.device("vcenter-prod", "vm-7", "app07", "vm", meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-293a4b5c6d70", "moref", "vm-7"));
        long node = estate.device("puppetdb-main", "app07.example.com", "app07.example.com", "server",
                meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-293a4b5c6d70"));
        estate.resolution.catchUp();
        EntityDetail d = estate.entities.get(estate.entityOf(vm)).orElseThrow();
        Map<Long, String> urls = new java.util.HashMap<>();
        d.observations().forEach(o -> urls.put(o.device().id(), o.sourceUrl()));
        assertEquals("https://vc.example.com/ui/app/vm/vm-7/vm-7", urls.get(vm));
        assertTrue(urls.containsKey(node));
        assertEquals(null, urls.get(node), "an instance without a registered connector has no link");
    }

    @Test
    void anIncrementalRunResolvesOnlyWhatChanged() {
        long[] vms = new long[4];
        long[] nodes = new long[4];
        for (int i = 0; i < 4; i++) {
            vms[i] = estate.device("vcenter-prod", "vm-" + i, "app0" + i, "vm", meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-00000000000" + i));
            nodes[i] = estate.device("puppetdb-main", "n" + i, "app0" + i + ".example.com", "server", meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-00000000000" + i));
        }
        estate.resolution.catchUp();
        estate.drainRefreshed();
        String linkedBefore = linkedAt(nodes[0]);

        // an attribute change: the entity is refreshed, nothing is re-linked
        estate.update(vms[1], meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-000000000001", "memory_mb", 8192));
        assertEquals(1, estate.resolution.catchUp());
        assertEquals(List.of(estate.entityOf(vms[1])), estate.drainRefreshed());

        // an identity change: only that entity (and the new one split from it) are touched
        long before = estate.entityOf(vms[2]);
        estate.update(vms[2], meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-0000000000ff"));
        estate.resolution.catchUp();
        assertEquals(before, estate.entityOf(nodes[2]), "the part that keeps most observations keeps the id (a tie: the first by name)");
        assertNotEquals(estate.entityOf(vms[2]), estate.entityOf(nodes[2]));
        assertEquals(Estate.sorted(List.of(before, estate.entityOf(vms[2]))), estate.drainRefreshed());
        assertEquals(linkedBefore, linkedAt(nodes[0]));

        // nothing new in the feed: nothing to do
        assertEquals(0, estate.resolution.catchUp());
        assertTrue(estate.drainRefreshed().isEmpty());
    }

    private String linkedAt(long device) {
        return estate.db.read(c -> {
            try (var ps = c.prepareStatement("SELECT linked_at || rule FROM entity_links WHERE device_id = " + device); var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Test
    void manualMergeAndSplitSurviveResyncAndRebuildAndCanBeRevoked() {
        long a = estate.device("vcenter-prod", "vm-1", "app-one", "vm", meta());
        long b = estate.device("foreman-main", "5", "app01", "server", meta());
        long c = estate.device("puppetdb-main", "n1", "db01", "server", meta("serial", "S-1"));
        long d = estate.device("foreman-main", "6", "db01", "server", meta("serial", "S-1"));
        estate.resolution.catchUp();
        long ea = estate.entityOf(a);
        long eb = estate.entityOf(b);
        assertNotEquals(ea, eb);

        long merged = estate.entities.merge(List.of(ea, eb), "same VM, renamed", "alice").id();
        assertEquals(Math.min(ea, eb), merged);
        assertEquals(merged, estate.entityOf(a));
        assertEquals(merged, estate.entityOf(b));
        assertEquals(java.util.Set.of("manual", "source-id"), estate.entities.get(merged).orElseThrow().observations().stream()
                .map(o -> o.rule()).collect(java.util.stream.Collectors.toSet()));

        long ec = estate.entityOf(c);
        assertEquals(ec, estate.entityOf(d));
        long split = estate.entities.split(ec, List.of(d), "two machines, one serial", "bob").id();
        assertEquals(ec, estate.entityOf(c), "the part that stays keeps the id");
        assertEquals(split, estate.entityOf(d));

        // a resync that touches them, then a rebuild: the decisions hold
        estate.update(a, meta("note", "resynced"));
        estate.update(d, meta("serial", "S-1", "note", "resynced"));
        estate.resolution.catchUp();
        assertEquals(estate.entityOf(a), estate.entityOf(b));
        assertNotEquals(estate.entityOf(c), estate.entityOf(d));
        RebuildResult r = estate.entities.rebuild();
        assertEquals(4, r.observations());
        assertEquals(3, r.entities());
        assertEquals(merged, estate.entityOf(a));
        assertEquals(merged, estate.entityOf(b));
        assertNotEquals(estate.entityOf(c), estate.entityOf(d));

        var decisions = estate.entities.decisions(10, 0).results();
        assertEquals(List.of("split", "merge"), decisions.stream().map(x -> x.action()).toList());
        assertEquals("bob", decisions.get(0).actor());
        assertEquals(List.of("foreman-main/6"), decisions.get(0).observations());
        assertEquals(List.of("foreman-main/5", "vcenter-prod/vm-1"), decisions.get(1).observations());
        assertEquals(1, estate.entities.get(merged).orElseThrow().decisions().size());

        estate.entities.revokeDecision(decisions.get(0).id(), "carol");
        assertEquals(estate.entityOf(c), estate.entityOf(d), "without the split the serial links them again");
        assertThrows(ApiException.class, () -> estate.entities.revokeDecision(decisions.get(0).id(), "carol"));
    }

    @Test
    void badMergeAndSplitRequestsAreRefusedWithTheirField() {
        long a = estate.device("vcenter-prod", "vm-1", "app-one", "vm", meta());
        estate.resolution.catchUp();
        long e = estate.entityOf(a);
        assertEquals("entity_ids", assertThrows(ApiException.class, () -> estate.entities.merge(List.of(e), "x", "alice")).field());
        assertEquals(ApiException.Reason.NOT_FOUND, assertThrows(ApiException.class, () -> estate.entities.merge(List.of(e, 999L), "x", "alice")).reason());
        assertEquals("device_ids", assertThrows(ApiException.class, () -> estate.entities.split(e, List.of(a), "x", "alice")).field());
        assertEquals("device_ids", assertThrows(ApiException.class, () -> estate.entities.split(e, List.of(12345L), "x", "alice")).field());
        assertEquals(0, estate.entities.decisions(10, 0).count());
    }

    @Test
    void aRebuildKeepsEntityIds() {
        for (int i = 0; i < 5; i++) {
            estate.device("vcenter-prod", "vm-" + i, "app0" + i, "vm", meta("serial", "SER-" + i));
            estate.device("puppetdb-main", "n" + i, "app0" + i, "server", meta("serial", "SER-" + i));
        }
        estate.resolution.catchUp();
        List<Long> before = estate.db.read(c -> ids(c));
        RebuildResult r = estate.entities.rebuild();
        assertEquals(10, r.observations());
        assertEquals(5, r.entities());
        assertEquals(0, r.created());
        assertEquals(0, r.removed());
        assertEquals(before, estate.db.read(c -> ids(c)));
    }

    private static List<Long> ids(java.sql.Connection c) throws java.sql.SQLException {
        List<Long> out = new java.util.ArrayList<>();
        try (var ps = c.prepareStatement("SELECT device_id * 1000000 + entity_id FROM entity_links ORDER BY device_id"); var rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Test
    void aRestartCatchesUpFromItsPositionAndAPrunedFeedMeansARebuild() {
        long a = estate.device("vcenter-prod", "vm-1", "app01", "vm", meta());
        estate.resolution.catchUp();
        long b = estate.device("puppetdb-main", "n1", "app01", "server", meta());
        IdentityResolution restarted = new IdentityResolution(estate.db, null);
        assertEquals(1, restarted.catchUp(), "only the entries after the stored position");
        assertEquals(estate.entityOf(a), estate.entityOf(b));

        long c = estate.device("foreman-main", "3", "db09", "server", meta());
        estate.sql("DELETE FROM change_log"); // pruned before anyone read it
        estate.device("foreman-main", "4", "db10", "server", meta());
        restarted.catchUp();
        assertTrue(estate.entityOf(c) > 0, "the rebuild resolved the observation whose entries were pruned");
    }

    @Test
    void aFailingRefreshNeverFailsTheRunAndIsRetriedWithTheNextBatch() {
        AtomicBoolean fail = new AtomicBoolean(true);
        IdentityResolution flaky = new IdentityResolution(estate.db, (c, ids) -> {
            if (fail.get()) {
                throw new IllegalStateException("golden records unavailable");
            }
        });
        long a = estate.device("vcenter-prod", "vm-1", "app01", "vm", meta());
        flaky.committed(1, "vcenter-prod", 1, 1); // must not throw
        assertEquals(-1, estate.entityOf(a), "the failed transaction left nothing behind");
        fail.set(false);
        flaky.committed(1, "vcenter-prod", 2, 2);
        assertTrue(estate.entityOf(a) > 0);
    }

    /**
     * A search with few matches reads its page by id; one with thousands tests entities in the sort's order. Both answer
     * the same matches in the same order, by name prefix, by a word of the observations and by an identifier.
     */
    @Test
    void searchesWithFewAndWithThousandsOfMatchesAnswerAlike() {
        int many = (int) EntityReads.WALK_THRESHOLD + 300;
        estate.db.write(c -> {
            String now = Times.format(Times.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (name, type, source_system, source_instance, source_id, host_key,"
                    + " metadata, content_hash, first_seen, created_at, updated_at) VALUES (?, 'vm', 'vcenter', 'vcenter-prod', ?, ?, ?, 0, ?, ?, ?)")) {
                for (int i = 0; i < many; i++) {
                    String name = String.format("web%05d", many - i); // inserted in reverse name order: pages must sort
                    ps.setString(1, name);
                    ps.setString(2, "vm-" + i);
                    ps.setString(3, name);
                    ps.setString(4, Json.write(meta("role", i % 2 == 0 ? "frontend" : "backend", "serial", "SER-" + i)));
                    for (int k = 5; k <= 7; k++) {
                        ps.setString(k, now);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.createStatement().executeUpdate("INSERT INTO device_seen (device_id, seen_run_id, last_seen) SELECT id, 1, first_seen FROM devices");
            c.createStatement().executeUpdate("INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, device_id, source_id, changed_at)"
                    + " SELECT 1, source_instance, 'device', 'created', id, id, source_id, first_seen FROM devices");
            return null;
        });
        estate.resolution.catchUp();
        // thousands: the name prefix, and a word every other observation holds
        var web = estate.entities.find(new EntityQuery("web", null, null, null, null, null, 3, 0));
        assertEquals(many, web.count());
        assertEquals(List.of("web00001", "web00002", "web00003"), web.results().stream().map(e -> e.name()).toList());
        var frontend = estate.entities.find(new EntityQuery("frontend", null, null, null, null, "-name", 2, 1));
        assertEquals(many / 2, frontend.count());
        assertEquals(List.of(String.format("web%05d", many - 2), String.format("web%05d", many - 4)),
                frontend.results().stream().map(e -> e.name()).toList(), "every other one, from the end of the name order");
        // few: a full name, a serial number (an identifier), a prefix of a hundred
        assertEquals(List.of("web00042"), estate.entities.find(new EntityQuery("web00042", null, null, null, null, null, 10, 0)).results()
                .stream().map(e -> e.name()).toList());
        // (a word search is a prefix search: "ser-7" would also find SER-70...; the last serial has no longer ones)
        var bySerial = estate.entities.find(new EntityQuery("ser-" + (many - 1), null, null, null, null, null, 10, 0));
        assertEquals(List.of("web00001"), bySerial.results().stream().map(e -> e.name()).toList());
        // a source with thousands of observations is tested entity by entity, one with a few gathered first: alike
        estate.device("puppetdb-main", "n-web00007", "web00007", "server", meta("serial", "SER-" + (many - 7)));
        estate.resolution.catchUp();
        var large = estate.entities.find(new EntityQuery(null, null, "vcenter-prod", "active", null, "-name", 2, 0));
        assertEquals(many, large.count());
        assertEquals(List.of(String.format("web%05d", many), String.format("web%05d", many - 1)), large.results().stream().map(e -> e.name()).toList());
        var small = estate.entities.find(new EntityQuery(null, null, "puppetdb-main", null, null, null, 10, 0));
        assertEquals(List.of("web00007"), small.results().stream().map(e -> e.name()).toList(), "linked by its serial to the vCenter VM");
        assertEquals(1, estate.entities.find(new EntityQuery("web0000", null, "puppetdb-main", null, null, null, 10, 0)).count());
        assertEquals(many / 2, estate.entities.find(new EntityQuery("frontend", null, "vcenter-prod", null, null, null, 10, 0)).count());
        var hundred = estate.entities.find(new EntityQuery("web001", null, null, null, null, null, 200, 0));
        assertEquals(100, hundred.count());
        assertEquals("web00100", hundred.results().get(0).name());
        assertEquals("web00199", hundred.results().get(99).name());
    }

    @Test
    void theListFiltersSortsPagesAndSearchesIdentifiers() {
        for (int i = 0; i < 12; i++) {
            long v = estate.device("vcenter-prod", "vm-" + i, String.format("app%02d", i), "vm", meta("serial", "SER-" + i));
            if (i % 2 == 0) {
                estate.device("puppetdb-main", "n" + i, String.format("app%02d", i), "server", meta("serial", "SER-" + i));
            }
            if (i == 11) {
                estate.status(v, "stale");
            }
        }
        estate.resolution.catchUp();
        var all = estate.entities.find(new EntityQuery(null, null, null, null, null, null, 5, 0));
        assertEquals(12, all.count());
        assertEquals(List.of("app00", "app01", "app02", "app03", "app04"), all.results().stream().map(e -> e.name()).toList());
        assertEquals("app11", estate.entities.find(new EntityQuery(null, null, null, null, null, "-name", 1, 0)).results().get(0).name());
        assertEquals(6, estate.entities.find(new EntityQuery(null, null, "puppetdb-main", null, null, null, 100, 0)).count());
        assertEquals(1, estate.entities.find(new EntityQuery(null, null, null, "stale", null, null, 100, 0)).count());
        assertEquals(List.of("app07"), estate.entities.find(new EntityQuery("ser-7", null, null, null, null, null, 100, 0)).results().stream().map(e -> e.name()).toList());
        assertEquals(2, estate.entities.find(new EntityQuery(null, null, null, null, null, "-sources", 2, 0)).results().get(0).sources().size());
        assertEquals("sort", assertThrows(ApiException.class, () -> estate.entities.find(new EntityQuery(null, null, null, null, null, "bogus", 5, 0))).field());
        assertEquals("limit", assertThrows(ApiException.class, () -> estate.entities.find(new EntityQuery(null, null, null, null, null, null, 0, 0))).field());
    }

    @Test
    void resolvingBatchByBatchGivesTheEntitiesARebuildGives() {
        java.util.Random rnd = new java.util.Random(7);
        String[] instances = {"vcenter-a", "vcenter-b", "puppetdb-main", "foreman-main"};
        for (int batch = 0; batch < 6; batch++) {
            for (int i = 0; i < 15; i++) {
                int m = rnd.nextInt(25);
                String instance = instances[rnd.nextInt(instances.length)];
                Map<String, Object> meta = new java.util.TreeMap<>();
                if (rnd.nextBoolean()) {
                    meta.put("system_uuid", "4237a1b2-c3d4-e5f6-0718-0000000000" + String.format("%02d", rnd.nextInt(4) == 0 ? m + 1 : m));
                }
                if (rnd.nextBoolean()) {
                    meta.put("serial", "SER-" + (rnd.nextInt(5) == 0 ? m + 1 : m));
                }
                String name = rnd.nextBoolean() ? "host" + m + (rnd.nextBoolean() ? ".a.example.com" : ".b.example.com") : "host" + m;
                long d = estate.device(instance, "obj-" + batch + "-" + i, name, rnd.nextBoolean() ? "vm" : "server", meta);
                if (rnd.nextInt(3) == 0) {
                    estate.nic(d, "eth0", String.format("00:50:56:00:00:%02x", m), "10.0.0." + m);
                }
            }
            estate.resolution.catchUp();
        }
        java.util.Set<java.util.Set<Long>> incremental = partition();
        assertTrue(incremental.stream().filter(e -> e.size() > 1).count() >= 5, "the estate links observations: " + incremental);
        assertTrue(estate.entities.identityConflicts(true, 100, 0).count() > 0, "and has conflicts");
        estate.entities.rebuild();
        assertEquals(incremental, partition());
    }

    /** The entities as sets of observation ids. */
    private java.util.Set<java.util.Set<Long>> partition() {
        return estate.db.read(c -> {
            Map<Long, java.util.Set<Long>> byEntity = new java.util.HashMap<>();
            try (var ps = c.prepareStatement("SELECT entity_id, device_id FROM entity_links"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    byEntity.computeIfAbsent(rs.getLong(1), e -> new java.util.TreeSet<>()).add(rs.getLong(2));
                }
            }
            return new java.util.HashSet<>(byEntity.values());
        });
    }

    @Test
    void relationshipsOfObservationsAreLiftedToEntities() {
        long vm = estate.device("vcenter-prod", "vm-1", "app01", "vm", meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-000000000001"));
        long node = estate.device("puppetdb-main", "app01.example.com", "app01.example.com", "server",
                meta("system_uuid", "4237a1b2-c3d4-e5f6-0718-000000000001"));
        long host = estate.device("vcenter-prod", "host-1", "esx01", "hypervisor", meta());
        estate.sql("INSERT INTO device_relationships (from_device_id, to_device_id, type, source_instance, created_at) VALUES (" + vm + ", " + host
                + ", 'runs_on', 'vcenter-prod', '2026-12-02T00:00:00.000Z')");
        estate.resolution.catchUp();
        var app = estate.entities.get(estate.entityOf(node)).orElseThrow();
        assertEquals(1, app.relationships().size());
        assertEquals("runs_on", app.relationships().get(0).type());
        assertEquals("out", app.relationships().get(0).direction());
        assertEquals(estate.entityOf(host), app.relationships().get(0).entityId());
        var esx = estate.entities.get(estate.entityOf(host)).orElseThrow();
        assertEquals("in", esx.relationships().get(0).direction());
        assertEquals(estate.entityOf(vm), esx.relationships().get(0).entityId());
    }
}

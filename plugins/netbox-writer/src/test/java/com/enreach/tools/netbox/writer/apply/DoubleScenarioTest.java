package com.enreach.tools.netbox.writer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.netbox.NetBoxStoreImpl;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.internal.HttpNetBoxClient;
import com.enreach.tools.netbox.sandbox.NetBoxDouble;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.enreach.tools.netbox.writer.service.NetBoxServiceImpl;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scenarios through the whole writer: golden records → the mapping's preview → approval → apply with the
 * real HTTP client against the NetBox double, on the real store.
 */
class DoubleScenarioTest {
    static {
        // the JDK HttpServer of the double otherwise waits ~40 ms per answer (Nagle + delayed ACK); read once per JVM
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @TempDir
    Path dir;
    NetBoxDoubleServer server;
    NetBoxDouble netbox;
    NetBoxStore store;
    Golden golden;
    NetBoxServiceImpl service;
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new NetBoxDoubleServer();
        netbox = server.netbox();
        store = new NetBoxStoreImpl(new Database(dir.resolve("m.db")));
        golden = new Golden().server(1, "web01", "S1").server(2, "web02", "S2").server(3, "db01", "S3");
        service = service(3);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    NetBoxServiceImpl service(int attempts) {
        NetBoxClient client = new HttpNetBoxClient(new NetBoxConnection(server.url(), server.token(), 100, 50,
                Duration.ofSeconds(10), false, null));
        NetBoxServiceImpl s = new NetBoxServiceImpl(store, golden.entities(), golden.conflicts(),
                new Retry(attempts, Duration.ZERO, Duration.ofSeconds(30), slept::add), DriftCheck.standard(),
                dir.resolve("netbox-mapping.json"));
        s.register(new Target("prod", server.url(), true, false, null, null, () -> client));
        return s;
    }

    ChangeSet preview() {
        return service.preview(new PreviewRequest("prod", List.of(), List.of(), true), "alice");
    }

    ApplyResult approveAndApply(ChangeSet cs) {
        service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(), true, null), "bob");
        return service.apply(cs.id(), "bob");
    }

    long deviceId(String name) {
        for (int id = 1; id < 1000; id++) {
            JsonNode d = netbox.get(NetBoxKinds.DEVICE, id);
            if (d != null && name.equals(d.path("name").asText())) {
                return id;
            }
        }
        throw new AssertionError("no device " + name);
    }

    @Test
    void firstFullSyncIntoAnEmptyNetBoxThenAnIncrementalOne() {
        ValidationReport report = service.validate(new ValidationQuery("prod", null, null, null, null, null, 0, 0));
        assertTrue(report.objects() >= 3, () -> "the three servers and what they need are validated: " + report.objects());
        assertEquals(0, report.blocked(), () -> String.valueOf(report.findings()));
        ChangeSet first = preview();
        assertTrue(first.items().stream().allMatch(i -> ChangeItem.CREATE.equals(i.action())), "an empty NetBox: creates only");
        ApplyResult r = approveAndApply(first);
        assertEquals("applied", r.status(), () -> String.valueOf(r.problems()));
        assertEquals(3, netbox.count(NetBoxKinds.DEVICE));
        assertEquals(1, netbox.count(NetBoxKinds.SITE));
        ChangeSet again = preview();
        assertEquals(0, again.items().size(), () -> "nothing changed, nothing to do: " + again.items());
        golden.set(2, "serial", "S2-replaced");
        ChangeSet incremental = preview();
        assertEquals(1, incremental.items().size(), () -> String.valueOf(incremental.items()));
        assertEquals(ChangeItem.UPDATE, incremental.items().get(0).action());
        assertEquals("applied", approveAndApply(incremental).status());
        assertEquals("S2-replaced", netbox.get(NetBoxKinds.DEVICE, deviceId("web02")).path("serial").asText());
    }

    @Test
    void aHandEditBecomesAConflictKeptOutAndEachResolutionWorks() {
        approveAndApply(preview());
        netbox.handEdit("jane", NetBoxKinds.DEVICE, deviceId("web01"), Map.of("serial", "HAND-1"));
        netbox.handEdit("jane", NetBoxKinds.DEVICE, deviceId("web02"), Map.of("serial", "HAND-2"));
        ChangeSet cs = preview();
        assertTrue(cs.items().stream().noneMatch(i -> i.fields().stream().anyMatch(f -> "serial".equals(f.field()))),
                () -> "conflicting fields are not written: " + cs.items());
        List<NetBoxConflict> open = service.conflicts(new ConflictQuery("prod", "open", null, null, 0, 0)).results();
        assertEquals(2, open.size(), () -> String.valueOf(open));
        NetBoxConflict one = open.stream().filter(c -> "web01".equals(c.object())).findFirst().orElseThrow();
        NetBoxConflict two = open.stream().filter(c -> "web02".equals(c.object())).findFirst().orElseThrow();
        assertEquals("jane", one.changedBy());
        service.resolveConflict(one.id(), NetBoxConflict.KEEP_NETBOX, null, "alice");
        assertEquals("HAND-1", golden.attributes.get(1L).get("serial"), "NetBox's value became the golden one");
        service.resolveConflict(two.id(), NetBoxConflict.USE_GOLDEN, null, "alice");
        ChangeSet next = preview();
        assertEquals(1, next.items().size(), () -> String.valueOf(next.items()));
        assertEquals("web02", next.items().get(0).name());
        assertEquals(0, service.conflicts(new ConflictQuery("prod", "open", null, null, 0, 0)).count(), "not raised again");
        assertEquals("applied", approveAndApply(next).status());
        assertEquals("S2", netbox.get(NetBoxKinds.DEVICE, deviceId("web02")).path("serial").asText());
        assertEquals("HAND-1", netbox.get(NetBoxKinds.DEVICE, deviceId("web01")).path("serial").asText());
    }

    @Test
    void driftBetweenPreviewAndApplyHoldsOnlyThatObject() {
        approveAndApply(preview());
        golden.set(1, "serial", "S1-new");
        golden.set(2, "serial", "S2-new");
        ChangeSet cs = preview();
        service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(), false, null), "bob");
        netbox.handEdit("jane", NetBoxKinds.DEVICE, deviceId("web01"), Map.of("serial", "HAND"));
        ApplyResult r = service.apply(cs.id(), "bob");
        assertEquals("partially_applied", r.status());
        assertEquals(1, r.drifted());
        assertEquals(1, r.applied());
        assertEquals("HAND", netbox.get(NetBoxKinds.DEVICE, deviceId("web01")).path("serial").asText());
        assertEquals("S2-new", netbox.get(NetBoxKinds.DEVICE, deviceId("web02")).path("serial").asText());
    }

    @Test
    void netBoxRejectingSomeObjectsLeavesTheOthersAppliedWithMessagesPerItem() {
        netbox.rejectWhen(NetBoxKinds.DEVICE, n -> "web02".equals(n.path("name").asText()), "name", "Rejected for the test.");
        ApplyResult r = approveAndApply(preview());
        assertEquals("partially_applied", r.status());
        assertEquals(1, r.failed());
        assertEquals(2, netbox.count(NetBoxKinds.DEVICE));
        ChangeItem failed = r.problems().stream().filter(i -> "failed".equals(i.status())).findFirst().orElseThrow();
        assertEquals("web02", failed.name());
        assertTrue(failed.message().contains("Rejected for the test."), failed.message());
    }

    @Test
    void aCrashMidApplyIsResumedWithoutDuplicates() {
        ChangeSet cs = preview();
        service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(), false, null), "bob");
        netbox.crashAfterWrites(3);
        service = service(1);
        assertEquals(ApiException.Reason.UNAVAILABLE, assertThrows(ApiException.class, () -> service.apply(cs.id(), "bob")).reason());
        netbox.resetFaults();
        ApplyResult r = service(3).apply(cs.id(), "bob");
        assertEquals("applied", r.status(), () -> String.valueOf(r.problems()));
        assertEquals(3, netbox.count(NetBoxKinds.DEVICE));
        assertEquals(1, netbox.count(NetBoxKinds.SITE));
        assertEquals(1, netbox.count(NetBoxKinds.TAG));
    }

    @Test
    void aLostAnswerOfABulkCreateIsFoundBeforeItIsSentAgain() {
        ChangeSet cs = preview();
        service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(), false, null), "bob");
        long devicesAt = cs.items().stream().filter(i -> NetBoxKinds.DEVICE.equals(i.objectType())).findFirst().orElseThrow().seq();
        int before = (int) cs.items().stream().filter(i -> i.seq() < devicesAt).map(ChangeItem::objectType).distinct().count();
        netbox.loseAnswerOfWrite(before + 1); // the devices' bulk create: applied, answer lost
        ApplyResult r = service.apply(cs.id(), "bob");
        assertEquals("applied", r.status(), () -> String.valueOf(r.problems()));
        assertEquals(3, netbox.count(NetBoxKinds.DEVICE));
    }

    @Test
    void rollingBackTheFirstSyncRemovesWhatItCreated() {
        ChangeSet first = preview();
        approveAndApply(first);
        ChangeSet back = service.rollback(first.id(), "alice");
        assertTrue(back.items().stream().allMatch(i -> ChangeItem.DELETE.equals(i.action())));
        ApplyResult r = approveAndApply(back);
        assertEquals("applied", r.status(), () -> String.valueOf(r.problems()));
        assertEquals(0, netbox.count(NetBoxKinds.DEVICE));
        assertEquals(0, netbox.count(NetBoxKinds.SITE));
    }

    @Test
    void rollingBackAFirstSyncWithPrimaryIpsRemovesEverythingWithoutDrift() {
        golden.nic(1, "eth0", "aa:bb:cc:00:00:01", "10.0.0.1", 24).nic(2, "eth0", "aa:bb:cc:00:00:02", "10.0.0.2", 24);
        ChangeSet first = preview();
        assertTrue(first.items().stream().anyMatch(i -> NetBoxKinds.DEVICE.equals(i.objectType()) && ChangeItem.UPDATE.equals(i.action())),
                "the primary IPs are set by updates of the devices created in the same change set");
        assertEquals("applied", approveAndApply(first).status());
        assertEquals(2, netbox.count(NetBoxKinds.IP_ADDRESS));
        assertTrue(netbox.get(NetBoxKinds.DEVICE, deviceId("web01")).path("primary_ip4").has("id"));

        ChangeSet back = service.rollback(first.id(), "alice");
        assertTrue(back.items().stream().allMatch(i -> ChangeItem.DELETE.equals(i.action())),
                "no revert of the primary-IP updates of devices the rollback deletes: " + back.items());
        ApplyResult r = approveAndApply(back);
        assertEquals("applied", r.status(), () -> String.valueOf(r.problems()));
        assertEquals(0, netbox.count(NetBoxKinds.DEVICE));
        assertEquals(0, netbox.count(NetBoxKinds.IP_ADDRESS));
        assertEquals(0, netbox.count(NetBoxKinds.INTERFACE));
    }

    @Test
    void approvingAllOfARollbackOfCreatesWithoutIncludeDeletesApprovesNothingAndSaysSo() {
        ChangeSet first = preview();
        approveAndApply(first);
        ChangeSet back = service.rollback(first.id(), "alice");
        ApiException refused = assertThrows(ApiException.class,
                () -> service.approve(back.id(), new ApprovalRequest(back.hash(), List.of(), false, null), "bob"));
        assertEquals("include_deletes", refused.field());
        assertTrue(refused.getMessage().contains("deletes"), refused.getMessage());
        assertEquals("pending", service.changeSet(back.id(), com.enreach.tools.api.netbox.ItemQuery.ALL).orElseThrow().status(),
                "still pending: it can be approved with include_deletes");
        assertEquals("applied", approveAndApply(back).status());
        assertEquals(0, netbox.count(NetBoxKinds.DEVICE));
    }

    @Test
    void adoptingEveryMatchOnboardsHandMadeObjectsWhichTheNextPreviewThenManages() {
        golden.attributes.remove(1L); // web01 is not known yet: the first sync creates the others and the marker
        approveAndApply(preview());
        JsonNode web02 = netbox.get(NetBoxKinds.DEVICE, deviceId("web02"));
        Map<String, Object> hand = new java.util.LinkedHashMap<>();
        hand.put("name", "web01");
        hand.put("site", web02.path("site").path("id").asLong());
        hand.put("role", web02.path("role").path("id").asLong());
        hand.put("device_type", web02.path("device_type").path("id").asLong());
        hand.put("status", "active");
        hand.put("serial", "typed-by-hand");
        long handMade = netbox.create("jane", NetBoxKinds.DEVICE, hand);
        golden.server(1, "web01", "S1");

        ChangeSet held = preview();
        assertTrue(held.held().stream().anyMatch(f -> "unmanaged-match".equals(f.rule()) && Long.valueOf(1).equals(f.entityId())));
        ChangeSet adopt = service.adoptMatches("prod", "alice");
        assertEquals("adopt", adopt.kind());
        assertEquals(List.of(handMade), adopt.items().stream().map(ChangeItem::netboxId).toList());
        assertEquals("applied", approveAndApply(adopt).status());

        ChangeSet next = preview();
        assertTrue(next.held().stream().noneMatch(f -> "unmanaged-match".equals(f.rule())), next.held().toString());
        ChangeItem update = next.items().stream().filter(i -> Long.valueOf(handMade).equals(i.netboxId())).findFirst().orElseThrow();
        assertEquals(ChangeItem.UPDATE, update.action());
        assertTrue(update.fields().stream().anyMatch(f -> "serial".equals(f.field()) && "S1".equals(f.proposed())), update.fields().toString());
        assertEquals(3, netbox.count(NetBoxKinds.DEVICE), "adopted, not duplicated");
        assertThrows(ApiException.class, () -> service.adoptMatches("prod", "alice"), "nothing left to adopt");
    }

    @Test
    void adoptingManyMatchesOfSeveralKindsGoesInOneBulkRequestPerKind() {
        golden.attributes.remove(1L);
        golden.attributes.remove(2L);
        approveAndApply(preview()); // db01 only: the marker, the site, role and type exist
        JsonNode db01 = netbox.get(NetBoxKinds.DEVICE, deviceId("db01"));
        for (String name : List.of("web01", "web02")) {
            Map<String, Object> hand = new java.util.LinkedHashMap<>();
            hand.put("name", name);
            hand.put("site", db01.path("site").path("id").asLong());
            hand.put("role", db01.path("role").path("id").asLong());
            hand.put("device_type", db01.path("device_type").path("id").asLong());
            hand.put("status", "active");
            long id = netbox.create("jane", NetBoxKinds.DEVICE, hand);
            long iface = netbox.create("jane", NetBoxKinds.INTERFACE, Map.of("device", id, "name", "eth0", "type", "1000base-t"));
            netbox.create("jane", NetBoxKinds.IP_ADDRESS, Map.of("address", "10.9.0." + id + "/24",
                    "assigned_object_type", "dcim.interface", "assigned_object_id", iface, "status", "active"));
        }
        golden.server(1, "web01", "S1").server(2, "web02", "S2");
        golden.nic(1, "eth0", "aa:bb:cc:00:00:01", "10.9.0." + deviceId("web01"), 24)
                .nic(2, "eth0", "aa:bb:cc:00:00:02", "10.9.0." + deviceId("web02"), 24);
        ChangeSet adopt = service.adoptMatches("prod", "alice");
        List<String> kinds = adopt.items().stream().map(ChangeItem::objectType).toList();
        assertEquals(List.of(NetBoxKinds.DEVICE, NetBoxKinds.DEVICE, NetBoxKinds.IP_ADDRESS, NetBoxKinds.IP_ADDRESS), kinds,
                "grouped by kind in dependency order");
        long before = netbox.requests().stream().filter(r -> !r.startsWith("GET ")).count();
        assertEquals("applied", approveAndApply(adopt).status());
        long writes = netbox.requests().stream().filter(r -> !r.startsWith("GET ")).count() - before;
        assertEquals(2, writes, "one bulk PATCH per kind");
    }

    @Test
    void rollingBackAnIncrementalApplyRestoresTheBeforeState() {
        approveAndApply(preview());
        golden.set(3, "serial", "S3-new");
        ChangeSet cs = preview();
        approveAndApply(cs);
        assertEquals("S3-new", netbox.get(NetBoxKinds.DEVICE, deviceId("db01")).path("serial").asText());
        ChangeSet back = service.rollback(cs.id(), "alice");
        assertEquals("applied", approveAndApply(back).status());
        assertEquals("S3", netbox.get(NetBoxKinds.DEVICE, deviceId("db01")).path("serial").asText());
    }
}

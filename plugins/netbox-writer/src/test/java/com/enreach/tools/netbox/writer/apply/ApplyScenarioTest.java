package com.enreach.tools.netbox.writer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.netbox.NetBoxStoreImpl;
import com.enreach.tools.netbox.writer.service.NetBoxServiceImpl;

/** The approval and apply flow on hand-built change sets against an in-memory NetBox and the real store. */
class ApplyScenarioTest {
    static final String SITES = "dcim/sites";
    static final String DEVICES = "dcim/devices";
    static final String IFACES = "dcim/interfaces";

    @TempDir
    Path dir;
    NetBoxStore store;
    FakeNetBox netbox;
    NetBoxServiceImpl service;
    final List<Duration> slept = new ArrayList<>();
    final List<Object[]> overrides = new ArrayList<>();
    boolean writeEnabled = true;
    boolean selfApproval = false;

    @BeforeEach
    void setUp() {
        store = new NetBoxStoreImpl(new Database(dir.resolve("m.db")));
        netbox = new FakeNetBox();
        service = newService();
    }

    NetBoxServiceImpl newService() {
        EntityService entities = (EntityService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityService.class}, (p, m, a) -> m.getName().equals("get") ? java.util.Optional.empty() : null);
        ConflictService conflicts = (ConflictService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConflictService.class}, (p, m, a) -> {
                    if (m.getName().equals("override")) {
                        overrides.add(a);
                    }
                    return null;
                });
        NetBoxServiceImpl s = new NetBoxServiceImpl(store, entities, conflicts,
                new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(30), slept::add), DriftCheck.standard(), dir.resolve("netbox-mapping.json"));
        s.register(new Target("prod", "http://netbox.test", writeEnabled, selfApproval, null, "enreach", () -> netbox));
        return s;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static ChangeItem create(int seq, String ref, String type, String name, Map<String, Object> body, String... deps) {
        List<FieldChange> fields = new ArrayList<>();
        body.forEach((k, v) -> fields.add(new FieldChange(k, null, v, null, false)));
        return new ChangeItem(0, seq, ref, ChangeItem.CREATE, type, null, null, name, "AMS1", List.of(deps), fields, body, null,
                null, null, null, null, null);
    }

    ChangeItem update(int seq, String ref, String type, String endpoint, long id, Map<String, Object> body) {
        Map<String, Object> before = netbox.get(endpoint, id).orElseThrow();
        List<FieldChange> fields = new ArrayList<>();
        body.forEach((k, v) -> fields.add(new FieldChange(k, before.get(k), v, null, false)));
        ChangeItem draft = new ChangeItem(0, seq, ref, ChangeItem.UPDATE, type, id, null, String.valueOf(before.get("name")), "AMS1",
                List.of(), fields, body, before, null, null, null, null, null);
        return new ChangeItem(0, seq, ref, ChangeItem.UPDATE, type, id, null, draft.name(), "AMS1", List.of(), fields, body, before,
                DriftCheck.standard().hash(draft, before), null, null, null, null);
    }

    ChangeItem delete(int seq, String ref, String type, String endpoint, long id) {
        Map<String, Object> before = netbox.get(endpoint, id).orElseThrow();
        List<FieldChange> fields = List.of(new FieldChange("name", before.get("name"), null, null, false));
        ChangeItem draft = new ChangeItem(0, seq, ref, ChangeItem.DELETE, type, id, null, String.valueOf(before.get("name")), "AMS1",
                List.of(), fields, null, before, null, null, null, null, null);
        return new ChangeItem(0, seq, ref, ChangeItem.DELETE, type, id, null, draft.name(), "AMS1", List.of(), fields, null, before,
                DriftCheck.standard().hash(draft, before), null, null, null, null);
    }

    ChangeSet stored(ChangeItem... items) {
        return store.create(new ChangeSet(0, "prod", "sync", null, null, null, "alice", null, "4.2.9", null, List.of(items),
                List.of(), List.of(), null, null, !writeEnabled));
    }

    /** A first sync into an empty NetBox: a site, two devices on it, an interface on each. */
    ChangeSet firstSync(String... deviceNames) {
        List<ChangeItem> items = new ArrayList<>();
        items.add(create(1, "dcim.site:slug:ams1", NetBoxKinds.SITE, "AMS1", map("name", "AMS1", "slug", "ams1")));
        int seq = 2;
        for (int k = 0; k < deviceNames.length; k++) {
            String ref = "dcim.device:entity:" + (100 + k);
            items.add(create(seq++, ref, NetBoxKinds.DEVICE, deviceNames[k], map("name", deviceNames[k], "site",
                    map("$ref", "dcim.site:slug:ams1"), "custom_fields", map("enreach_entity_id", 100 + k)), "dcim.site:slug:ams1"));
        }
        for (int k = 0; k < deviceNames.length; k++) {
            String dev = "dcim.device:entity:" + (100 + k);
            items.add(create(seq++, dev + ":if:eth0", NetBoxKinds.INTERFACE, "eth0", map("name", "eth0", "device",
                    map("$ref", dev)), dev));
        }
        return stored(items.toArray(ChangeItem[]::new));
    }

    ChangeSet approveAll(ChangeSet cs, boolean deletes) {
        return service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(), deletes, "looks right"), "bob");
    }

    @Test
    void aFirstSyncCreatesEverythingInOrderWithReferencesResolvedAndHistory() {
        ChangeSet cs = approveAll(firstSync("web01", "web02"), false);
        ApplyResult r = service.apply(cs.id(), "carol");
        assertEquals("applied", r.status());
        assertEquals(5, r.applied());
        long siteId = netbox.table(SITES).firstKey();
        netbox.table(DEVICES).values().forEach(d -> assertEquals(siteId, ((Number) d.get("site")).longValue()));
        assertEquals(netbox.table(DEVICES).keySet(), new java.util.HashSet<>(netbox.table(IFACES).values().stream()
                .map(i -> ((Number) i.get("device")).longValue()).toList()), "interfaces hang on the devices just created");
        assertEquals(3, netbox.requests, "one bulk request per kind and action (sites, devices, interfaces), no reads for creates");
        List<HistoryEntry> h = service.history(new HistoryQuery("prod", null, null, NetBoxKinds.DEVICE, null, null, "bob", null,
                null, "applied", cs.id(), 0, 0)).results();
        assertEquals(2, h.size());
        assertEquals("carol", h.get(0).appliedBy());
        assertEquals("bob", h.get(0).approvedBy());
        assertNotNull(h.get(0).after());
        ChangeSet after = service.changeSet(cs.id(), ItemQuery.ALL).orElseThrow();
        assertEquals("carol", after.appliedBy());
        assertTrue(after.items().stream().allMatch(i -> i.netboxId() != null));
    }

    @Test
    void aSecondUpdateOfAnObjectCreatedInTheSameChangeSetWritesToTheNewObject() {
        long site = netbox.put(SITES, map("name", "AMS1", "slug", "ams1"));
        String dev = "dcim.device:entity:7";
        ChangeItem later = new ChangeItem(0, 2, dev + ":primary_ip", ChangeItem.UPDATE, NetBoxKinds.DEVICE, null, 7L, "web01",
                "AMS1", List.of(dev), List.of(new FieldChange("serial", null, "S-7", null, false)),
                map("id", map("$ref", dev), "serial", "S-7"), null, null, null, null, null, null);
        ChangeSet cs = approveAll(stored(create(1, dev, NetBoxKinds.DEVICE, "web01", map("name", "web01", "site", site)), later), false);
        ApplyResult r = service.apply(cs.id(), "carol");
        assertEquals("applied", r.status(), () -> String.valueOf(r.problems()));
        assertEquals(1, netbox.table(DEVICES).size());
        assertEquals("S-7", netbox.table(DEVICES).firstEntry().getValue().get("serial"));
    }

    @Test
    void objectsNetBoxRefusesFailWithItsMessageTheirDependentsAreSkippedTheRestIsApplied() {
        netbox.refuse = b -> "bad!".equals(b.get("name")) ? Map.of("name", List.of("Invalid name.")) : null;
        ChangeSet cs = approveAll(firstSync("web01", "bad!", "web03"), false);
        ApplyResult r = service.apply(cs.id(), "carol");
        assertEquals("partially_applied", r.status());
        assertEquals(1, r.failed());
        assertEquals(1, r.skipped());
        assertEquals(2, netbox.table(DEVICES).size());
        assertEquals(2, netbox.table(IFACES).size());
        ChangeItem failed = r.problems().stream().filter(i -> "failed".equals(i.status())).findFirst().orElseThrow();
        assertTrue(failed.message().contains("name: Invalid name."), failed.message());
        ChangeItem skipped = r.problems().stream().filter(i -> "skipped".equals(i.status())).findFirst().orElseThrow();
        assertTrue(skipped.message().contains("dcim.device:entity:101"), skipped.message());
    }

    @Test
    void anObjectChangedInNetBoxAfterThePreviewDriftsAndBlocksNothingElse() {
        long site = netbox.put(SITES, map("name", "AMS1", "slug", "ams1"));
        long a = netbox.put(DEVICES, map("name", "web01", "serial", "S1", "site", site));
        long b = netbox.put(DEVICES, map("name", "web02", "serial", "S2", "site", site));
        ChangeSet cs = approveAll(stored(update(1, "dcim.device:entity:1", NetBoxKinds.DEVICE, DEVICES, a, map("serial", "S1-new")),
                update(2, "dcim.device:entity:2", NetBoxKinds.DEVICE, DEVICES, b, map("serial", "S2-new"))), false);
        netbox.table(DEVICES).get(a).put("serial", "changed-by-hand");
        ApplyResult r = service.apply(cs.id(), "carol");
        assertEquals(1, r.drifted());
        assertEquals(1, r.applied());
        assertEquals("changed-by-hand", netbox.table(DEVICES).get(a).get("serial"), "a drifted object is not overwritten");
        assertEquals("S2-new", netbox.table(DEVICES).get(b).get("serial"));
        assertTrue(r.problems().get(0).message().contains("serial"), r.problems().get(0).message());
    }

    @Test
    void aDroppedConnectionMidApplyIsResumedWithoutDuplicates() {
        ChangeSet cs = approveAll(firstSync("web01", "web02", "web03"), false);
        netbox.dropAfter = 2; // the site and one device are committed, then the answer is lost
        service = new NetBoxServiceImpl(store, proxy(EntityService.class), proxy(ConflictService.class),
                new Retry(1, Duration.ZERO, Duration.ZERO, slept::add), DriftCheck.standard(), dir.resolve("netbox-mapping.json"));
        service.register(new Target("prod", "http://netbox.test", true, false, null, "enreach", () -> netbox));
        ApiException e = assertThrows(ApiException.class, () -> service.apply(cs.id(), "carol"));
        assertEquals(ApiException.Reason.UNAVAILABLE, e.reason());
        assertEquals("applying", store.get(cs.id(), ItemQuery.ALL).orElseThrow().status());
        assertTrue(store.get(cs.id(), ItemQuery.ALL).orElseThrow().items().stream().anyMatch(i -> "applying".equals(i.status())),
                "the journal shows what was in flight");
        ApplyResult r = newService().apply(cs.id(), "carol");
        assertEquals("applied", r.status());
        assertTrue(r.resumed() >= 1, "the device NetBox made before the connection dropped is found, not created again");
        assertEquals(1, netbox.table(SITES).size());
        assertEquals(3, netbox.table(DEVICES).size());
        assertEquals(3, netbox.table(IFACES).size());
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(ApplyScenarioTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> m.getName().equals("get") ? java.util.Optional.empty() : null);
    }

    @Test
    void aSecondApplyWhileOneIsRunningIsRefused() throws Exception {
        ChangeSet cs = approveAll(firstSync("web01"), false);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        netbox.refuse = b -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<ApplyResult> first = pool.submit(() -> service.apply(cs.id(), "carol"));
        inside.await();
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class, () -> service.apply(cs.id(), "carol")).reason());
        release.countDown();
        assertEquals("applied", first.get().status());
        pool.shutdown();
        assertEquals(1, netbox.table(SITES).size());
    }

    @Test
    void aLostCreateAnswerIsLookedUpBeforeTheRetrySoNothingIsCreatedTwice() {
        ChangeSet cs = approveAll(firstSync("web01"), false);
        netbox.dropAfter = 1;
        ApplyResult r = service.apply(cs.id(), "carol");
        assertEquals("applied", r.status());
        assertEquals(1, netbox.table(SITES).size());
        assertEquals(1, slept.size());
    }

    @Test
    void a429IsRetriedAfterNetBoxsRetryAfter() {
        ChangeSet cs = approveAll(firstSync("web01"), false);
        netbox.throttleOnce = 7;
        assertEquals("applied", service.apply(cs.id(), "carol").status());
        assertEquals(List.of(Duration.ofSeconds(7)), slept);
    }

    @Test
    void rollingBackAnApplyRestoresTheBeforeState() {
        long site = netbox.put(SITES, map("name", "AMS1", "slug", "ams1"));
        long a = netbox.put(DEVICES, map("name", "web01", "serial", "S1", "site", site));
        long gone = netbox.put(DEVICES, map("name", "old01", "serial", "S9", "site", site));
        ChangeSet cs = approveAll(stored(
                create(1, "dcim.device:entity:5", NetBoxKinds.DEVICE, "new01", map("name", "new01", "site", site)),
                update(2, "dcim.device:entity:1", NetBoxKinds.DEVICE, DEVICES, a, map("serial", "S1-new")),
                delete(3, "dcim.device:entity:9", NetBoxKinds.DEVICE, DEVICES, gone)), true);
        assertEquals("applied", service.apply(cs.id(), "carol").status());
        assertEquals(2, netbox.table(DEVICES).size());
        ChangeSet back = service.rollback(cs.id(), "alice");
        assertEquals("rollback", back.kind());
        assertEquals(cs.id(), back.rollbackOf());
        assertEquals("pending", back.status());
        assertEquals(List.of("create", "update", "delete"), back.items().stream().map(ChangeItem::action).toList());
        assertEquals("applied", service.apply(approveAll(back, true).id(), "carol").status());
        assertEquals("S1", netbox.table(DEVICES).get(a).get("serial"));
        assertEquals(List.of("old01", "web01"), netbox.table(DEVICES).values().stream().map(d -> (String) d.get("name")).sorted().toList());
        Map<String, Object> recreated = netbox.table(DEVICES).values().stream().filter(d -> "old01".equals(d.get("name")))
                .findFirst().orElseThrow();
        assertEquals("S9", recreated.get("serial"));
        assertEquals(site, ((Number) recreated.get("site")).longValue());
    }

    @Test
    void approvalsBindToTheHashRefuseSelfApprovalAndNeedDeletesNamed() {
        long site = netbox.put(SITES, map("name", "AMS1", "slug", "ams1"));
        long old = netbox.put(DEVICES, map("name", "old01", "site", site));
        ChangeSet cs = stored(create(1, "dcim.device:entity:5", NetBoxKinds.DEVICE, "new01", map("name", "new01", "site", site)),
                delete(2, "dcim.device:entity:9", NetBoxKinds.DEVICE, DEVICES, old));
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class, () -> service.approve(cs.id(),
                new ApprovalRequest("0".repeat(64), List.of(), false, null), "bob")).reason());
        assertEquals(ApiException.Reason.INVALID, assertThrows(ApiException.class, () -> service.approve(cs.id(),
                new ApprovalRequest(null, List.of(), false, null), "bob")).reason());
        assertEquals(ApiException.Reason.FORBIDDEN, assertThrows(ApiException.class, () -> service.approve(cs.id(),
                new ApprovalRequest(cs.hash(), List.of(), false, null), "alice")).reason(), "alice built it");
        ChangeSet approved = approveAll(cs, false);
        assertEquals(List.of("approved", "pending"), approved.items().stream().map(ChangeItem::approval).toList(),
                "approving all leaves the delete out");
        long deleteId = approved.items().get(1).id();
        ChangeSet both = service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(deleteId), false, null), "dave");
        assertEquals("approved", both.items().get(1).approval(), "a delete named by id is approved");
        assertEquals(ApiException.Reason.INVALID, assertThrows(ApiException.class, () -> service.approve(cs.id(),
                new ApprovalRequest(cs.hash(), List.of(999_999L), false, null), "bob")).reason());
        ApplyResult r = service.apply(cs.id(), "carol");
        assertEquals("applied", r.status());
        assertTrue(service.history(new HistoryQuery(null, null, null, null, null, null, "dave", null, null, null, null, 0, 0))
                .count() >= 1, "both approvers are in the history");
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class, () -> service.approve(cs.id(),
                new ApprovalRequest(cs.hash(), List.of(), false, null), "bob")).reason(), "applied sets take no approval");
        ChangeSet older = firstSync("x1");
        firstSync("x2");
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class, () -> approveAll(older, false)).reason(),
                "superseded");
    }

    @Test
    void selfApprovalIsAllowedWhenTheTargetSaysSo() {
        selfApproval = true;
        service = newService();
        ChangeSet cs = firstSync("web01");
        assertEquals("approved", service.approve(cs.id(), new ApprovalRequest(cs.hash(), List.of(), false, null), "alice").status());
    }

    @Test
    void targetsReportNetBoxsVersionOrWhyItCannotBeReached() {
        assertEquals("4.2.9", service.targets().get(0).netboxVersion());
        assertEquals("ok", service.targets().get(0).state());
        NetBoxServiceImpl down = new NetBoxServiceImpl(store, proxy(EntityService.class), proxy(ConflictService.class),
                Retry.standard(), DriftCheck.standard(), dir.resolve("netbox-mapping.json"));
        down.register(new Target("lab", "http://down.test", false, false, null, null, () -> {
            throw new com.enreach.tools.netbox.client.NetBoxException("connection refused", 0, true, -1, null);
        }));
        assertEquals("error", down.targets().get(0).state());
        assertEquals("connection refused", down.targets().get(0).message());
    }

    @Test
    void aRejectedChangeSetCannotBeApplied() {
        ChangeSet cs = firstSync("web01");
        assertEquals("rejected", service.reject(cs.id(), cs.hash(), "not now", "bob").status());
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class, () -> service.apply(cs.id(), "carol")).reason());
        assertTrue(netbox.table(SITES).isEmpty());
    }

    @Test
    void aDryRunSendsNothingAndRecordsWhatItWouldDo() {
        writeEnabled = false;
        service = newService();
        ChangeSet cs = approveAll(firstSync("web01"), false);
        ApplyResult r = service.apply(cs.id(), "carol");
        assertTrue(r.dryRun());
        assertEquals(0, netbox.requests);
        assertTrue(service.changeSet(cs.id(), ItemQuery.ALL).orElseThrow().items().stream().allMatch(i -> "dry_run".equals(i.status())));
        assertEquals(3, service.history(new HistoryQuery("prod", null, null, null, null, null, null, null, null, "dry_run",
                null, 0, 0)).count());
        assertEquals("approved", service.changeSet(cs.id(), ItemQuery.ALL).orElseThrow().status(), "still to be applied");
        writeEnabled = true;
        ApplyResult real = newService().apply(cs.id(), "carol");
        assertEquals("applied", real.status());
        assertEquals(3, real.applied(), "a dry run's items are sent once the target writes");
        assertEquals(1, netbox.table(DEVICES).size());
    }

    @Test
    void adoptingAHandMadeObjectAddsTheTagAndCustomField() {
        long tag = netbox.put("extras/tags", map("name", "Enreach", "slug", "enreach"));
        long other = netbox.put("extras/tags", map("name", "Prod", "slug", "prod"));
        long dev = netbox.put(DEVICES, map("name", "handmade", "tags", List.of(map("id", other, "slug", "prod"))));
        ChangeSet cs = service.adopt("prod", NetBoxKinds.DEVICE, dev, 42, "alice");
        assertEquals("adopt", cs.kind());
        assertEquals(1, cs.items().size());
        assertEquals("applied", service.apply(approveAll(cs, false).id(), "carol").status());
        Map<String, Object> o = netbox.table(DEVICES).get(dev);
        assertEquals(List.of(other, tag), ((List<?>) o.get("tags")).stream().map(t -> ((Number) t).longValue()).toList());
        assertEquals(42L, ((Number) ((Map<?, ?>) o.get("custom_fields")).get("enreach_entity_id")).longValue());
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class,
                () -> service.adopt("prod", NetBoxKinds.DEVICE, dev, 42, "alice")).reason(), "already managed");
    }

    @Test
    void keepNetBoxOverridesTheGoldenAttributeUseGoldenIsRecorded() {
        NetBoxConflict detected = new NetBoxConflict(0, "prod", NetBoxKinds.DEVICE, 5L, 42L, "web01", "serial", "serial",
                "NB-1", "G-1", "admin", null, "newest", "keep_netbox", "open", null, null, null, null, null);
        List<NetBoxConflict> open = store.replaceOpenConflicts("prod", List.of(detected,
                new NetBoxConflict(0, "prod", NetBoxKinds.DEVICE, 5L, 42L, "web01", "comments", "comments", "x", "y", "admin",
                        null, "newest", "use_golden", "open", null, null, null, null, null)));
        NetBoxConflict serial = open.stream().filter(c -> c.field().equals("serial")).findFirst().orElseThrow();
        NetBoxConflict comments = open.stream().filter(c -> c.field().equals("comments")).findFirst().orElseThrow();
        assertEquals("keep_netbox", service.resolveConflict(serial.id(), "keep_netbox", "NetBox is right", "bob").resolution());
        assertEquals(1, overrides.size());
        Object[] o = overrides.get(0);
        assertEquals(42L, o[0]);
        assertEquals("serial", o[1]);
        assertEquals("NB-1", o[2]);
        assertTrue(((String) o[3]).contains("NetBox conflict " + serial.id()), (String) o[3]);
        assertEquals(null, o[4]);
        assertEquals("bob", o[5]);
        assertEquals("use_golden", service.resolveConflict(comments.id(), "use_golden", null, "bob").resolution());
        assertEquals(1, overrides.size(), "use_golden overrides nothing");
        assertEquals(ApiException.Reason.INVALID, assertThrows(ApiException.class,
                () -> service.resolveConflict(comments.id(), "keep_both", null, "bob")).reason());
    }
}

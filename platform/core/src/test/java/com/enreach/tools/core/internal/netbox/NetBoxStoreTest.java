package com.enreach.tools.core.internal.netbox;

import com.enreach.tools.core.internal.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.Approval;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.ItemOutcome;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.core.internal.db.Database;

class NetBoxStoreTest {
    @TempDir
    Path dir;
    private NetBoxStoreImpl store;

    @BeforeEach
    void open() {
        store = new NetBoxStoreImpl(TestDatabases.open(dir.resolve("m.db")));
    }

    static ChangeItem item(int seq, String ref, String action, String type, String name, String site) {
        Map<String, Object> body = "delete".equals(action) ? null : Map.of("name", name);
        return new ChangeItem(0, seq, ref, action, type, "create".equals(action) ? null : 10L + seq, 7L, name, site,
                List.of(), List.of(new FieldChange("name", null, name, "name", false)), body,
                "create".equals(action) ? null : Map.of("id", 10 + seq, "name", "old"), "create".equals(action) ? null : "bh" + seq,
                null, null, null, List.of());
    }

    static ChangeSet changeSet(String target, List<ChangeItem> items) {
        return new ChangeSet(0, target, "sync", null, null, null, "alice", null, "4.2.0", null, items, List.of(), List.of(),
                null, null, false);
    }

    private ChangeSet threeItems(String target) {
        return store.create(changeSet(target, List.of(item(1, "dcim.site:slug:ams1", "create", NetBoxKinds.SITE, "AMS1", "AMS1"),
                item(2, "dcim.device:entity:7", "update", NetBoxKinds.DEVICE, "web01", "AMS1"),
                item(3, "dcim.device:entity:8", "delete", NetBoxKinds.DEVICE, "old02", "FRA1"))));
    }

    @Test
    void aStoredChangeSetReadsBackWithItsItemsCountsAndAHash() {
        ChangeSet cs = threeItems("prod");
        assertEquals("pending", cs.status());
        assertEquals(64, cs.hash().length());
        assertEquals(3, cs.items().size());
        assertEquals(new ChangeSet.Counts(3, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0), cs.counts());
        ChangeItem update = cs.items().get(1);
        assertEquals("old", update.before().get("name"));
        assertEquals("bh2", update.beforeHash());
        assertEquals("web01", update.fields().get(0).proposed());
        assertEquals(List.of("web01"), store.get(cs.id(), new ItemQuery(null, null, "AMS1", null, "WEB")).orElseThrow()
                .items().stream().map(ChangeItem::name).toList(), "filtered by site and a name substring");
        assertEquals(2, store.get(cs.id(), new ItemQuery(NetBoxKinds.DEVICE, null, null, null, null)).orElseThrow().items().size());
    }

    @Test
    void aNewPreviewSupersedesThePendingOnesOfItsTargetOnly() {
        ChangeSet first = threeItems("prod");
        ChangeSet other = threeItems("lab");
        ChangeSet second = threeItems("prod");
        assertEquals("superseded", store.get(first.id(), ItemQuery.ALL).orElseThrow().status());
        assertEquals("pending", store.get(other.id(), ItemQuery.ALL).orElseThrow().status());
        assertEquals("pending", second.status());
        assertEquals(1, store.list(new ChangeSetQuery("prod", "superseded", null, null, 0, 0)).count());
        assertEquals(List.of(second.id(), first.id()), store.list(new ChangeSetQuery("prod", null, null, null, 0, 0)).results()
                .stream().map(ChangeSet::id).toList(), "newest first");
    }

    @Test
    void anApprovalBindsToTheHashAndCannotTouchASupersededSet() {
        ChangeSet cs = threeItems("prod");
        long update = cs.items().get(1).id();
        ApiException wrong = assertThrows(ApiException.class, () -> store.addApproval(
                new Approval(0, cs.id(), "approve", "selected", List.of(update), false, "nope", "bob", null, null), List.of(update), "approved"));
        assertEquals(ApiException.Reason.CONFLICT, wrong.reason());
        Approval a = store.addApproval(new Approval(0, cs.id(), "approve", "selected", List.of(update), false, cs.hash(), "bob",
                null, "ok"), List.of(update), "approved");
        assertNotNull(a.at());
        ChangeSet after = store.get(cs.id(), ItemQuery.ALL).orElseThrow();
        assertEquals("approved", after.status());
        assertEquals(1, after.counts().approved());
        assertEquals("approved", after.items().get(1).approval());
        assertEquals("pending", after.items().get(2).approval());
        assertEquals("bob", after.approvals().get(0).actor());
        threeItems("prod");
        assertEquals("approved", store.get(cs.id(), ItemQuery.ALL).orElseThrow().status(), "only pending sets are superseded");
        ChangeSet third = threeItems("prod");
        ChangeSet fourth = threeItems("prod");
        assertNotEquals(third.id(), fourth.id());
        ApiException superseded = assertThrows(ApiException.class, () -> store.addApproval(new Approval(0, third.id(), "approve",
                "all", List.of(), false, third.hash(), "bob", null, null), List.of(), "approved"));
        assertTrue(superseded.getMessage().contains("superseded"), superseded.getMessage());
    }

    @Test
    void theJournalKeepsItemStatesNetBoxIdsAndMessages() {
        ChangeSet cs = threeItems("prod");
        long create = cs.items().get(0).id();
        store.setItemState(List.of(create), "applying", null, null);
        assertEquals("applying", store.get(cs.id(), new ItemQuery(null, null, null, "applying", null)).orElseThrow().items().get(0).status());
        store.setItemState(List.of(create), "applied", 42L, null);
        store.setItemState(List.of(cs.items().get(1).id()), "failed", null, "name: This field is required.");
        ChangeSet after = store.get(cs.id(), ItemQuery.ALL).orElseThrow();
        assertEquals(42L, after.items().get(0).netboxId());
        assertEquals("name: This field is required.", after.items().get(1).message());
        assertEquals(12L, after.items().get(1).netboxId(), "a null NetBox id keeps the known one");
        assertEquals(1, after.counts().applied());
        assertEquals(1, after.counts().failed());
        store.setStatus(cs.id(), "partially_applied", "carol");
        ChangeSet done = store.get(cs.id(), ItemQuery.ALL).orElseThrow();
        assertEquals("carol", done.appliedBy());
        assertNotNull(done.appliedAt());
    }

    @Test
    void outcomesAndTheirHistoryAreRecordedTogether() {
        ChangeSet cs = threeItems("prod");
        List<HistoryEntry> stored = store.recordOutcomes(List.of(new ItemOutcome(cs.items().get(0).id(), "applied", 77L, null),
                new ItemOutcome(cs.items().get(1).id(), "failed", null, "serial: too long")), List.of(new HistoryEntry(0, null, "prod",
                cs.id(), cs.items().get(0).id(), "create", NetBoxKinds.SITE, 77L, null, "AMS1", List.of("vcenter-prod"), "carol",
                "bob", "applied", null, Map.of("id", 77), null)));
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).id() > 0);
        ChangeSet after = store.get(cs.id(), ItemQuery.ALL).orElseThrow();
        assertEquals(77L, after.items().get(0).netboxId());
        assertEquals("failed", after.items().get(1).status());
        assertEquals("serial: too long", after.items().get(1).message());
        assertEquals(1, store.history(new HistoryQuery(null, "vcenter-prod", null, null, null, null, null, null, null, null, cs.id(), 0, 0)).count());
    }

    @Test
    void historyIsFilteredBySourceUserObjectAndTime() {
        ChangeSet cs = threeItems("prod");
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        store.addHistory(new HistoryEntry(0, t0, "prod", cs.id(), 1, "create", NetBoxKinds.DEVICE, 5L, 7L, "web01",
                List.of("vcenter-prod", "puppetdb"), "carol", "bob,dave", "applied", null, Map.of("id", 5), null));
        store.addHistory(new HistoryEntry(0, t0.plusSeconds(60), "prod", cs.id(), 2, "update", NetBoxKinds.VIRTUAL_MACHINE, 6L, 8L,
                "db02", List.of("foreman"), "erin", "bob", "failed", Map.of("id", 6), null, "memory: too big"));
        assertEquals(1, store.history(query(null, "puppetdb", null, null, null, null)).count());
        assertEquals(1, store.history(query(null, null, "dave", null, null, null)).count(), "an approver among several");
        assertEquals(2, store.history(query(null, null, "bob", null, null, null)).count());
        assertEquals(0, store.history(query(null, null, "bo", null, null, null)).count(), "whole names only");
        assertEquals(1, store.history(query("DB", null, null, null, null, null)).count());
        assertEquals(1, store.history(query(null, null, null, t0.plusSeconds(1), null, null)).count());
        assertEquals(1, store.history(query(null, null, null, null, t0.plusSeconds(1), null)).count());
        assertEquals(1, store.history(query(null, null, null, null, null, "failed")).count());
        HistoryEntry newest = store.history(query(null, null, null, null, null, null)).results().get(0);
        assertEquals("db02", newest.object());
        assertEquals(6, ((Number) newest.before().get("id")).intValue());
    }

    private static HistoryQuery query(String object, String source, String user, Instant from, Instant to, String status) {
        return new HistoryQuery(null, source, null, null, null, object, user, from, to, status, null, 0, 0);
    }

    private static NetBoxConflict conflict(long netboxId, String field, Object nb, Object golden) {
        return new NetBoxConflict(0, "prod", NetBoxKinds.DEVICE, netboxId, 7L, "web01", field, "serial", nb, golden, "admin",
                Instant.parse("2026-01-01T10:00:00Z"), "newest", "keep_netbox", "open", null, null, null, null, null);
    }

    @Test
    void conflictsDetectedAgainKeepTheirIdGoneOnesCloseAndResolvedOnesStayResolved() {
        NetBoxConflict a = store.replaceOpenConflicts("prod", List.of(conflict(5, "serial", "X1", "X2"), conflict(5, "name", "a", "b"))).stream()
                .filter(c -> c.field().equals("serial")).findFirst().orElseThrow();
        List<NetBoxConflict> again = store.replaceOpenConflicts("prod", List.of(conflict(5, "serial", "X1", "X2")));
        assertEquals(List.of(a.id()), again.stream().map(NetBoxConflict::id).toList());
        assertEquals(a.detectedAt(), again.get(0).detectedAt());
        NetBoxConflict gone = store.conflicts(new ConflictQuery("prod", "resolved", null, null, 0, 0)).results().get(0);
        assertEquals("gone", gone.resolution());
        NetBoxConflict resolved = store.resolve(a.id(), NetBoxConflict.USE_GOLDEN, "golden is right", "bob");
        assertEquals("bob", resolved.resolvedBy());
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class,
                () -> store.resolve(a.id(), NetBoxConflict.KEEP_NETBOX, null, "bob")).reason());
        assertTrue(store.replaceOpenConflicts("prod", List.of(conflict(5, "serial", "X1", "X2"))).isEmpty(),
                "resolved for these values: not raised again");
        assertEquals(1, store.replaceOpenConflicts("prod", List.of(conflict(5, "serial", "X9", "X2"))).size(),
                "a new hand edit is a new conflict");
        assertEquals("X9", store.conflicts(new ConflictQuery("prod", "open", null, 7L, 0, 0)).results().get(0).netboxValue());
        assertEquals(ApiException.Reason.INVALID, assertThrows(ApiException.class,
                () -> store.conflicts(new ConflictQuery(null, "closed", null, null, 0, 0))).reason());
    }
}

package com.enreach.tools.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxService;
import com.enreach.tools.api.netbox.NetBoxTarget;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;

/** A NetBox writer that records what the routes asked for and answers one stored change set (id 7). */
class FakeNetBox implements NetBoxService {
    final List<Object> calls = new ArrayList<>();
    /** When set, every call fails with it (NetBox unreachable, a wrong hash, ...). */
    ApiException failure;

    static ChangeSet changeSet(String status) {
        ChangeItem item = new ChangeItem(11, 1, "dcim.device:entity:42", "update", "dcim.device", 5L, 42L, "web01", "ams1", List.of(),
                List.of(new FieldChange("serial", "OLD", "NEW", "serial", false)), Map.of("serial", "NEW"), Map.of("serial", "OLD"), "bh",
                "pending", "pending", null, List.of());
        return new ChangeSet(7, "prod", "sync", null, status, "h7", "alice", Instant.parse("2026-12-01T10:00:00Z"), "4.2.1",
                new ChangeSet.Counts(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), List.of(item), List.of(), List.of(), null, null, false);
    }

    private <T> T record(Object call, T answer) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    Object last() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public List<NetBoxTarget> targets() {
        return record("targets", List.of(new NetBoxTarget("prod", "https://netbox.example", false, false, "netbox-prod", "4.2.1", "ok", null)));
    }

    @Override
    public ValidationReport validate(ValidationQuery query) {
        return record(query, new ValidationReport("prod", Instant.EPOCH, 3, 1, 1, 0, 0, Map.of("ip-unique", Map.of("error", 1)), 1,
                query.limit(), query.offset(), List.of(), Map.of("ip-unique", "IPs are not assigned twice")));
    }

    @Override
    public ChangeSet preview(PreviewRequest request, String actor) {
        return record(List.of(request, actor), changeSet("pending"));
    }

    @Override
    public Page<ChangeSet> changeSets(ChangeSetQuery query) {
        return record(query, new Page<>(1, query.limit(), query.offset(), List.of(changeSet("pending"))));
    }

    @Override
    public Optional<ChangeSet> changeSet(long id, ItemQuery items) {
        return record(List.of(id, items), id == 7 ? Optional.of(changeSet("pending")) : Optional.empty());
    }

    @Override
    public ChangeSet approve(long id, ApprovalRequest request, String actor) {
        return record(List.of(id, request, actor), changeSet("approved"));
    }

    @Override
    public ChangeSet reject(long id, String hash, String comment, String actor) {
        return record(java.util.Arrays.asList(id, hash, comment, actor), changeSet("rejected"));
    }

    @Override
    public ApplyResult apply(long id, String actor) {
        return record(List.of(id, actor), new ApplyResult(id, "applied", false, 1, 0, 0, 0, 0, List.of()));
    }

    @Override
    public ChangeSet rollback(long changeSetId, String actor) {
        return record(List.of(changeSetId, actor), changeSet("pending"));
    }

    @Override
    public ChangeSet adopt(String target, String objectType, long netboxId, long entityId, String actor) {
        return record(java.util.Arrays.asList(target, objectType, netboxId, entityId, actor), changeSet("pending"));
    }

    @Override
    public ChangeSet adoptMatches(String target, String actor) {
        return record(java.util.Arrays.asList("adoptMatches", target, actor), changeSet("pending"));
    }

    @Override
    public Page<NetBoxConflict> conflicts(ConflictQuery query) {
        return record(query, new Page<>(0, query.limit(), query.offset(), List.of()));
    }

    @Override
    public NetBoxConflict resolveConflict(long id, String resolution, String comment, String actor) {
        return record(java.util.Arrays.asList(id, resolution, comment, actor), new NetBoxConflict(id, "prod", "dcim.device", 5L, 42L, "web01",
                "serial", "serial", "HAND", "GOLD", "bob", Instant.EPOCH, "manual", "keep_netbox", "resolved", resolution, actor,
                Instant.EPOCH, comment, Instant.EPOCH));
    }

    @Override
    public Page<HistoryEntry> history(HistoryQuery query) {
        return record(query, new Page<>(0, query.limit(), query.offset(), List.of()));
    }
}

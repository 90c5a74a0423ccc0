package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.writer.preview.Previewer;

/**
 * Change sets that are not built from golden records: the rollback of an applied change set (from the stored
 * before-images) and the adoption of a hand-made object. Both are stored pending and go through the same approval
 * and drift check as any other: their before-hashes are taken from NetBox's objects as they are now.
 */
public final class Reversal {
    /** What NetBox computes or owns: never written back when an object is re-created from its before-image. */
    private static final Set<String> READ_ONLY = Set.of("id", "url", "display_url", "display", "created", "last_updated",
            "primary_ip", "interface_count", "device_count", "virtualmachine_count", "vminterface_count", "occupied",
            "cable", "cable_end", "link_peers", "link_peers_type", "connected_endpoints", "connected_endpoints_type",
            "connected_endpoints_reachable", "_occupied", "mac_address", "count_ipaddresses", "count_fhrp_groups",
            "is_primary", "console_port_count", "power_port_count", "family", "nat_outside");
    private static final Set<String> MANAGED = Set.of(NetBoxKinds.DEVICE, NetBoxKinds.VIRTUAL_MACHINE, NetBoxKinds.CLUSTER,
            NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE, NetBoxKinds.IP_ADDRESS, NetBoxKinds.MAC_ADDRESS);

    private final NetBoxStore store;
    private final DriftCheck drift;

    public Reversal(NetBoxStore store, DriftCheck drift) {
        this.store = store;
        this.drift = drift;
    }

    public ChangeSet rollback(Target target, long id, String actor) {
        ChangeSet cs = store.get(id, ItemQuery.ALL).orElseThrow(() -> ApiException.notFound("change set", String.valueOf(id)));
        if (!"applied".equals(cs.status()) && !"partially_applied".equals(cs.status())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "changeset_" + cs.status(), null, "change set " + id + " is "
                    + cs.status() + ": only an applied (or partially applied) change set can be rolled back", null);
        }
        NetBoxClient client = target.client();
        List<ChangeItem> items = new ArrayList<>();
        List<ValidationFinding> held = new ArrayList<>();
        List<ChangeItem> done = new ArrayList<>(cs.items().stream().filter(i -> "applied".equals(i.status())).toList());
        java.util.Collections.reverse(done); // dependents first: what was created last goes first
        // objects this rollback deletes (the apply created them): their own later updates (primary IPs) need no revert
        Set<String> deleted = new java.util.HashSet<>();
        done.stream().filter(i -> ChangeItem.CREATE.equals(i.action()) && i.netboxId() != null)
                .forEach(i -> deleted.add(i.objectType() + "#" + i.netboxId()));
        int seq = 0;
        for (ChangeItem i : done) {
            if (ChangeItem.UPDATE.equals(i.action()) && deleted.contains(i.objectType() + "#" + i.netboxId())) {
                continue;
            }
            String ep = NetBoxKinds.endpoint(i.objectType());
            Optional<Map<String, Object>> now = i.netboxId() == null ? Optional.empty() : client.get(ep, i.netboxId());
            ChangeItem reverse;
            if (ChangeItem.CREATE.equals(i.action())) {
                if (now.isEmpty()) {
                    held.add(gone(i));
                    continue;
                }
                reverse = item(++seq, i, ChangeItem.DELETE, i.netboxId(), null, now.get(), afterDeletes(now.get(), deleted));
            } else if (ChangeItem.UPDATE.equals(i.action())) {
                if (now.isEmpty()) {
                    held.add(gone(i));
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                // what the apply wrote (its body), not fields it only showed (a conflicting field is not written)
                List<String> written = i.body() == null ? List.copyOf(DriftCheck.fields(i))
                        : i.body().keySet().stream().filter(k -> !"id".equals(k)).toList();
                for (String f : written) {
                    String top = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
                    body.put(top, WriteValues.normalize(i.before() == null ? null : i.before().get(top)));
                }
                reverse = item(++seq, i, ChangeItem.UPDATE, i.netboxId(), body, now.get(), now.get());
            } else {
                if (i.before() == null) {
                    held.add(new ValidationFinding("rollback", ValidationFinding.WARNING, i.objectType(), i.entityId(), i.name(),
                            null, "no before-image stored for the deleted object: it cannot be re-created"));
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                i.before().forEach((k, v) -> {
                    if (!READ_ONLY.contains(k) && v != null) {
                        body.put(k, WriteValues.normalize(v));
                    }
                });
                reverse = item(++seq, i, ChangeItem.CREATE, null, body, null, null);
            }
            items.add(reverse);
        }
        if (items.isEmpty()) {
            throw new ApiException(ApiException.Reason.CONFLICT, "nothing_to_roll_back", null, "change set " + id
                    + " has nothing left to roll back in NetBox", null);
        }
        // deletes after creates and updates, like any change set: re-create deleted objects before removing others
        List<ChangeItem> ordered = new ArrayList<>(items.stream().filter(x -> !ChangeItem.DELETE.equals(x.action())).toList());
        ordered.addAll(items.stream().filter(x -> ChangeItem.DELETE.equals(x.action())).toList());
        List<ChangeItem> numbered = new ArrayList<>();
        for (int k = 0; k < ordered.size(); k++) {
            ChangeItem x = ordered.get(k);
            numbered.add(new ChangeItem(0, k + 1, x.ref(), x.action(), x.objectType(), x.netboxId(), x.entityId(), x.name(),
                    x.site(), List.of(), x.fields(), x.body(), x.before(), x.beforeHash(), null, null, null, List.of()));
        }
        return store.create(new ChangeSet(0, target.name(), "rollback", id, null, null, actor, null, cs.netboxVersion(), null,
                numbered, held, List.of(), null, null, !target.writeEnabled()));
    }

    /**
     * The object as it will be when its delete comes: deleting an IP address clears the primary IP that pointed at it,
     * so a device or VM whose primary IP this rollback deletes first is expected without it (else its own delete would
     * be reported as drifted by the rollback's own earlier item).
     */
    private static Map<String, Object> afterDeletes(Map<String, Object> now, Set<String> deleted) {
        Map<String, Object> expected = new LinkedHashMap<>(now);
        for (String f : List.of("primary_ip4", "primary_ip6", "primary_ip")) {
            Object ip = now.get(f);
            Object id = ip instanceof Map<?, ?> m ? m.get("id") : ip;
            if (id instanceof Number n && deleted.contains(NetBoxKinds.IP_ADDRESS + "#" + n.longValue())) {
                expected.put(f, null);
            }
        }
        return expected;
    }

    private ChangeItem item(int seq, ChangeItem original, String action, Long netboxId, Map<String, Object> body,
                            Map<String, Object> now, Map<String, Object> expected) {
        ChangeItem draft = new ChangeItem(0, seq, original.ref(), action, original.objectType(), netboxId, original.entityId(),
                original.name(), original.site(), List.of(), body == null ? List.of() : DriftCheck.changes(now, body), body, now,
                null, null, null, null, List.of());
        if (body == null && now != null) {
            // a delete's drift check covers what the apply wrote when it created the object
            draft = new ChangeItem(0, seq, original.ref(), action, original.objectType(), netboxId, original.entityId(),
                    original.name(), original.site(), List.of(), DriftCheck.changes(now, original.body() == null ? Map.of()
                    : withoutRefs(original.body())), null, now, null, null, null, null, List.of());
        }
        String hash = expected == null ? null : drift.hash(draft, expected);
        return new ChangeItem(0, seq, draft.ref(), action, draft.objectType(), netboxId, draft.entityId(), draft.name(),
                draft.site(), List.of(), draft.fields(), body, now, hash, null, null, null, List.of());
    }

    private static Map<String, Object> withoutRefs(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.remove("id");
        return out;
    }

    private static ValidationFinding gone(ChangeItem i) {
        return new ValidationFinding("rollback", ValidationFinding.WARNING, i.objectType(), i.entityId(), i.name(), null,
                i.objectType() + " " + i.netboxId() + " no longer exists in NetBox: nothing to roll back for it");
    }

    /** A change set with one update that puts the managed tag and custom field on a hand-made object. */
    public ChangeSet adopt(Target target, String objectType, long netboxId, long entityId, String actor) {
        if (!MANAGED.contains(objectType)) {
            throw ApiException.invalid("object_type", "only " + MANAGED + " can be adopted, not '" + objectType + "'");
        }
        NetBoxClient client = target.client();
        Map<String, Object> obj = client.get(NetBoxKinds.endpoint(objectType), netboxId)
                .orElseThrow(() -> ApiException.notFound(objectType, String.valueOf(netboxId)));
        Object cf = obj.get("custom_fields") instanceof Map<?, ?> m ? m.get(ObjectLookup.ENTITY_FIELD) : null;
        if (cf != null) {
            throw new ApiException(ApiException.Reason.CONFLICT, "already_managed", null, objectType + " " + netboxId
                    + " is already managed (enreach_entity_id " + cf + ")", null);
        }
        ChangeItem item = adoption(1, objectType + ":entity:" + entityId, objectType, netboxId, entityId, obj, markerTag(target));
        return store.create(new ChangeSet(0, target.name(), "adopt", null, null, null, actor, null, null, null, List.of(item),
                List.of(), List.of(), null, null, !target.writeEnabled()));
    }

    /**
     * One change set adopting many hand-made objects (each an update adding the tag and the custom field), for
     * onboarding a NetBox that was filled by hand. Objects already managed or gone are left out.
     */
    public ChangeSet adoptAll(Target target, List<Previewer.Match> matches, String actor) {
        long tagId = markerTag(target);
        NetBoxClient client = target.client();
        List<ChangeItem> items = new ArrayList<>();
        // grouped by kind in dependency order: the apply sends consecutive items of one kind as one bulk request
        List<Previewer.Match> ordered = new ArrayList<>(matches);
        ordered.sort(java.util.Comparator.comparingInt((Previewer.Match m) -> NetBoxKinds.order(m.kind()))
                .thenComparingLong(Previewer.Match::netboxId));
        for (Previewer.Match m : ordered) {
            if (!MANAGED.contains(m.kind())) {
                continue;
            }
            Optional<Map<String, Object>> obj = client.get(NetBoxKinds.endpoint(m.kind()), m.netboxId());
            if (obj.isEmpty() || (obj.get().get("custom_fields") instanceof Map<?, ?> cf && cf.get(ObjectLookup.ENTITY_FIELD) != null)) {
                continue;
            }
            items.add(adoption(items.size() + 1, m.kind() + ":adopt:" + m.netboxId(), m.kind(), m.netboxId(), m.entityId(),
                    obj.get(), tagId));
        }
        if (items.isEmpty()) {
            throw new ApiException(ApiException.Reason.CONFLICT, "nothing_to_adopt", null, "NetBox target '" + target.name()
                    + "' has no hand-made object that matches an entity: nothing to adopt", null);
        }
        return store.create(new ChangeSet(0, target.name(), "adopt", null, null, null, actor, null, null, null, items,
                List.of(), List.of(), null, null, !target.writeEnabled()));
    }

    /** The id of the managed tag; adoption needs it (the first sync change set creates it). */
    private static long markerTag(Target target) {
        List<Map<String, Object>> tags = target.client().list(NetBoxKinds.endpoint(NetBoxKinds.TAG), Map.of("slug", "enreach"), true);
        return tags.stream().filter(t -> "enreach".equals(t.get("slug"))).findFirst()
                .map(t -> ((Number) t.get("id")).longValue())
                .orElseThrow(() -> new ApiException(ApiException.Reason.CONFLICT, "no_marker", null, "NetBox target '"
                        + target.name() + "' has no 'enreach' tag yet: apply a first sync change set (it creates the tag and"
                        + " the custom field)", null));
    }

    private ChangeItem adoption(int seq, String ref, String objectType, long netboxId, long entityId, Map<String, Object> obj,
                                long tagId) {
        List<Object> tagIds = new ArrayList<>();
        if (obj.get("tags") instanceof List<?> l) {
            l.forEach(t -> tagIds.add(WriteValues.normalize(t)));
        }
        if (!tagIds.contains(tagId)) {
            tagIds.add(tagId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tags", tagIds);
        body.put("custom_fields", Map.of(ObjectLookup.ENTITY_FIELD, entityId));
        String name = String.valueOf(obj.getOrDefault("name", obj.getOrDefault("display", objectType + " " + netboxId)));
        ChangeItem draft = new ChangeItem(0, seq, ref, ChangeItem.UPDATE, objectType, netboxId, entityId, name, null, List.of(),
                DriftCheck.changes(obj, body), body, obj, null, null, null, null, List.of());
        return new ChangeItem(0, seq, ref, ChangeItem.UPDATE, objectType, netboxId, entityId, name, null, List.of(),
                draft.fields(), body, obj, drift.hash(draft, obj), null, null, null, List.of());
    }
}

package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.Approval;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxStore;

/**
 * The approval policy: an approval binds to the change set's hash, only pending (or already partly approved) change
 * sets take one, whoever built a change set approves it only when the target allows self-approval, and deletes are
 * approved by "all" only with {@code include_deletes} (or by naming them).
 */
public final class Approvals {
    private final NetBoxStore store;

    public Approvals(NetBoxStore store) {
        this.store = store;
    }

    public ChangeSet approve(Function<String, Target> targets, long id, ApprovalRequest request, String actor) {
        if (request == null) {
            throw ApiException.invalid("hash", "an approval needs the change set's hash");
        }
        ChangeSet cs = decidable(id, request.hash(), "approved");
        Target target = targets.apply(cs.target());
        if (actor != null && actor.equals(cs.createdBy()) && !target.selfApproval()) {
            throw new ApiException(ApiException.Reason.FORBIDDEN, "self_approval", null, actor + " built change set " + id
                    + " and cannot approve it: target '" + cs.target() + "' does not allow self-approval (self.approval=false)", null);
        }
        List<Long> ids;
        String scope;
        if (request.itemIds().isEmpty()) {
            scope = "all";
            ids = cs.items().stream().filter(i -> request.includeDeletes() || !ChangeItem.DELETE.equals(i.action()))
                    .map(ChangeItem::id).toList();
        } else {
            scope = "selected";
            Map<Long, ChangeItem> byId = cs.items().stream().collect(Collectors.toMap(ChangeItem::id, i -> i));
            Set<Long> unknown = new LinkedHashSet<>(request.itemIds());
            unknown.removeAll(byId.keySet());
            if (!unknown.isEmpty()) {
                throw ApiException.invalid("item_ids", "items " + unknown + " are not in change set " + id);
            }
            ids = new ArrayList<>(new LinkedHashSet<>(request.itemIds()));
        }
        if (ids.isEmpty()) {
            long deletes = cs.items().stream().filter(i -> ChangeItem.DELETE.equals(i.action())).count();
            throw ApiException.invalid("include_deletes", "nothing to approve in change set " + id + ": its " + deletes
                    + " items are deletes, which \"all\" approves only with include_deletes (or name them by id)");
        }
        store.addApproval(new Approval(0, id, "approve", scope, "all".equals(scope) ? List.of() : ids,
                request.includeDeletes(), request.hash(), actor, null, request.comment()), ids, "approved");
        return store.get(id, ItemQuery.ALL).orElseThrow();
    }

    public ChangeSet reject(long id, String hash, String comment, String actor) {
        ChangeSet cs = decidable(id, hash, "rejected");
        List<Long> all = cs.items().stream().map(ChangeItem::id).toList();
        store.addApproval(new Approval(0, id, "reject", "all", List.of(), false, hash, actor, null, comment), all, "rejected");
        return store.get(id, ItemQuery.ALL).orElseThrow();
    }

    private ChangeSet decidable(long id, String hash, String verb) {
        if (hash == null || hash.isBlank()) {
            throw ApiException.invalid("hash", "the change set's hash is required: it proves what you reviewed");
        }
        ChangeSet cs = store.get(id, ItemQuery.ALL).orElseThrow(() -> ApiException.notFound("change set", String.valueOf(id)));
        if (!"pending".equals(cs.status()) && !"approved".equals(cs.status())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "changeset_" + cs.status(), null, "change set " + id + " is "
                    + cs.status() + " and cannot be " + verb + ("superseded".equals(cs.status()) ? ": preview again" : ""), null);
        }
        if (!hash.equals(cs.hash())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "hash_mismatch", "hash", "the hash does not match change set "
                    + id + " (it is " + cs.hash() + "): what you reviewed is not what would be applied", null);
        }
        return cs;
    }
}

package com.enreach.tools.netbox.writer.apply;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxStore;

/**
 * Resolving a NetBox conflict: {@code keep_netbox} makes NetBox's value the golden one (a manual override, with no
 * expiry, whose reason names the conflict), so the next preview has nothing to write; {@code use_golden} is recorded
 * and the next change set writes the golden value (the store does not raise the conflict again for these values).
 */
public final class Resolutions {
    private final NetBoxStore store;
    private final ConflictService conflicts;

    public Resolutions(NetBoxStore store, ConflictService conflicts) {
        this.store = store;
        this.conflicts = conflicts;
    }

    public NetBoxConflict resolve(long id, String resolution, String comment, String actor) {
        NetBoxConflict c = store.conflict(id).orElseThrow(() -> ApiException.notFound("conflict", String.valueOf(id)));
        if (!NetBoxConflict.KEEP_NETBOX.equals(resolution) && !NetBoxConflict.USE_GOLDEN.equals(resolution)) {
            throw ApiException.invalid("resolution", "resolution must be keep_netbox or use_golden, got '" + resolution + "'");
        }
        if (!"open".equals(c.status())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "conflict_resolved", null, "conflict " + id
                    + " is already resolved (" + c.resolution() + ")", null);
        }
        if (NetBoxConflict.KEEP_NETBOX.equals(resolution)) {
            if (c.entityId() == null || c.attribute() == null) {
                throw ApiException.invalid("resolution", "conflict " + id + " on " + c.object() + " field " + c.field()
                        + " has no golden attribute behind it, so NetBox's value cannot be kept as golden: use use_golden"
                        + " or change the mapping");
            }
            conflicts.override(c.entityId(), c.attribute(), c.netboxValue(), "NetBox conflict " + id + " on " + c.object()
                    + " (" + c.objectType() + " " + c.netboxId() + ", field " + c.field() + "): kept NetBox's value"
                    + (comment == null || comment.isBlank() ? "" : ": " + comment), null, actor);
        }
        return store.resolve(id, resolution, comment, actor);
    }
}

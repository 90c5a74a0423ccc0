package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.netbox.client.NetBoxClient;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one preview needs besides the golden records.
 *
 * @param target      the target's name
 * @param client      a client of the target's NetBox
 * @param request     what to preview (entity ids, kinds, deletes)
 * @param actor       who asks (the change set's createdBy)
 * @param netboxUser  the NetBox user name of the platform's token: changes by this user in NetBox's changelog are
 *                    the platform's own writes; anyone else's later edit of an owned field is a conflict
 * @param dryRun      the target is not write-enabled (copied to the change set)
 * @param lastApplied when the platform last applied to this target (from its history), or null: the fallback for
 *                    objects the changelog says nothing about (their {@code last_updated} after it means a hand edit)
 * @param resolved    conflicts resolved {@code use_golden} earlier: the same edit (object, field, changedAt) is not
 *                    raised again and the golden value is written
 * @param mappingFile {@code etc/netbox-mapping.json} (read afresh; missing = the shipped defaults)
 */
public record PreviewInput(String target, NetBoxClient client, PreviewRequest request, String actor, String netboxUser,
                           boolean dryRun, Instant lastApplied, List<NetBoxConflict> resolved, Path mappingFile) {
    public PreviewInput {
        Objects.requireNonNull(client, "client is null");
        request = request == null ? new PreviewRequest(target, List.of(), List.of(), true) : request;
        resolved = resolved == null ? List.of() : List.copyOf(resolved);
    }
}

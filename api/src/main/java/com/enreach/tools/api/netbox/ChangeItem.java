package com.enreach.tools.api.netbox;

import java.util.List;
import java.util.Map;

/**
 * One create, update or delete of one NetBox object in a {@link ChangeSet}.
 *
 * <p>{@code body} is what is sent to NetBox. A reference to an object created earlier in the same change set is
 * written as {@code {"$ref": "<ref of that item>"}} and replaced by the created object's id when applied.
 *
 * @param id         store id (0 before the change set is stored)
 * @param seq        position in the change set: dependency order ({@link NetBoxKinds#APPLY_ORDER}, deletes last in
 *                   reverse order)
 * @param ref        key of the item unique in its change set, e.g. {@code dcim.device:entity:42} or
 *                   {@code dcim.site:slug:ams1}; also how a resumed apply finds the object NetBox may already have
 *                   created
 * @param action     {@code create}, {@code update} or {@code delete}
 * @param objectType {@link NetBoxKinds} kind
 * @param netboxId   the NetBox object id (update, delete; set on a create once applied)
 * @param entityId   the golden entity behind it, or null (sites, roles, ...)
 * @param name       display name of the object
 * @param site       the site name (devices, VMs' cluster site, ...) for filtering, or null
 * @param dependsOn  refs of items this one needs first
 * @param fields     field-by-field changes (create: proposed only; update: current vs proposed; delete: current)
 * @param body       request body (create/update), null for delete
 * @param before     NetBox's full object at preview time (update, delete): the before-image for history and rollback
 * @param beforeHash hash of {@code before} over the fields the platform writes: the drift check compares it with
 *                   NetBox's object just before applying
 * @param approval   {@code pending}, {@code approved} or {@code rejected}
 * @param status     {@code pending}, {@code applying} (journal: sent, answer not yet recorded), {@code applied},
 *                   {@code failed}, {@code drifted} (NetBox changed it since the preview: re-preview), {@code skipped}
 *                   (not approved, or a dependency failed), {@code dry_run}
 * @param message    NetBox's answer for a failed item (field → messages rendered), the drift found, ...
 * @param findings   validation findings for this object (warnings; errors keep an object out of the change set)
 */
public record ChangeItem(long id, int seq, String ref, String action, String objectType, Long netboxId, Long entityId,
                         String name, String site, List<String> dependsOn, List<FieldChange> fields,
                         Map<String, Object> body, Map<String, Object> before, String beforeHash, String approval,
                         String status, String message, List<ValidationFinding> findings) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    public ChangeItem {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        fields = fields == null ? List.of() : List.copyOf(fields);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}

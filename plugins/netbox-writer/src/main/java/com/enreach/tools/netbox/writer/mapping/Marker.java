package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.netbox.NetBoxKinds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed marker (contract): tag {@code enreach} and the integer custom field {@code enreach_entity_id} on the
 * managed kinds. The first change set creates both when NetBox lacks them.
 */
public final class Marker {
    public static final String TAG_SLUG = "enreach";
    public static final String FIELD = "enreach_entity_id";
    public static final String TAG_REF = NetBoxKinds.TAG + ":slug:" + TAG_SLUG;
    public static final String FIELD_REF = NetBoxKinds.CUSTOM_FIELD + ":name:" + FIELD;
    /** The kinds that carry the marker. */
    public static final List<String> MANAGED_KINDS = List.of(NetBoxKinds.DEVICE, NetBoxKinds.VIRTUAL_MACHINE,
            NetBoxKinds.CLUSTER, NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE, NetBoxKinds.IP_ADDRESS,
            NetBoxKinds.MAC_ADDRESS);

    private Marker() {
    }

    public static DesiredObject tag() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", TAG_SLUG);
        f.put("slug", TAG_SLUG);
        f.put("color", "2f6fb0");
        f.put("description", "Managed by Enreach Tools");
        return new DesiredObject(NetBoxKinds.TAG, TAG_REF, null, TAG_SLUG, null, Map.of(), Map.of(), f, false, null, TAG_SLUG);
    }

    public static DesiredObject customField() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", FIELD);
        f.put("label", "Enreach entity id");
        f.put("type", "integer");
        f.put("object_types", MANAGED_KINDS);
        f.put("description", "Golden entity behind this object (Enreach Tools)");
        f.put("ui_editable", "no");
        return new DesiredObject(NetBoxKinds.CUSTOM_FIELD, FIELD_REF, null, FIELD, null, Map.of(), Map.of(), f, false, null, FIELD);
    }

    /** The create-only marker fields of a managed object of {@code entityId}. */
    public static Map<String, Object> onCreate(long entityId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tags", List.of(Ref.to(TAG_REF, TAG_SLUG)));
        f.put("custom_fields", Map.of(FIELD, entityId));
        return f;
    }

    /** The entity id a NetBox object's custom field holds, or null. */
    public static Long entityId(Map<String, Object> netboxObject) {
        if (netboxObject.get("custom_fields") instanceof Map<?, ?> cf && cf.get(FIELD) instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    /** Whether a NetBox object carries the tag. */
    public static boolean tagged(Map<String, Object> netboxObject) {
        if (netboxObject.get("tags") instanceof List<?> tags) {
            for (Object t : tags) {
                if (t instanceof Map<?, ?> m && TAG_SLUG.equals(m.get("slug"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Managed = tagged and holding an entity id. */
    public static boolean managed(Map<String, Object> netboxObject) {
        return tagged(netboxObject) && entityId(netboxObject) != null;
    }
}

package com.enreach.tools.netbox.writer.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.client.NetBoxClient;

/**
 * Finds the NetBox object a create item may already have made (an apply that died or lost the answer after NetBox
 * committed): managed objects by the custom field {@code enreach_entity_id} from their ref ({@code <kind>:entity:<id>}),
 * everything by its natural key in the body (slug, else name; an IP's address, a MAC's mac_address) and the parent
 * it hangs on (device, virtual machine). The query goes to NetBox as filters and the answer is checked again here,
 * so an unsupported filter cannot make a wrong object match.
 */
public final class ObjectLookup {
    static final String ENTITY_FIELD = "enreach_entity_id";
    private static final List<String> KEYS = List.of("slug", "name", "address", "mac_address", "device", "virtual_machine",
            "assigned_object_id");

    private ObjectLookup() {
    }

    /** The object NetBox holds for this create item (its body with references resolved), if any. */
    public static Optional<Map<String, Object>> find(NetBoxClient client, ChangeItem item, Map<String, Object> body) {
        Map<String, Object> want = new LinkedHashMap<>();
        Map<String, String> filters = new LinkedHashMap<>();
        Long entity = entityOf(item.ref());
        if (entity != null && !NetBoxKinds.TAG.equals(item.objectType()) && !NetBoxKinds.CUSTOM_FIELD.equals(item.objectType())) {
            filters.put("cf_" + ENTITY_FIELD, entity.toString());
        }
        for (String k : KEYS) {
            Object v = body == null ? null : WriteValues.normalize(body.get(k));
            if (v == null || v instanceof Map || v instanceof List) {
                continue;
            }
            if ("name".equals(k) && want.containsKey("slug")) {
                continue; // the slug is the unique key
            }
            want.put(k, v);
            filters.put(k.equals("device") || k.equals("virtual_machine") ? k + "_id" : k, v.toString());
        }
        if (want.isEmpty() && entity == null) {
            return Optional.empty();
        }
        for (Map<String, Object> o : client.list(NetBoxKinds.endpoint(item.objectType()), filters, false)) {
            if (matches(o, want, entity)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Map<String, Object> o, Map<String, Object> want, Long entity) {
        for (Map.Entry<String, Object> e : want.entrySet()) {
            Object have = WriteValues.normalize(o.get(e.getKey()));
            if (!Objects.equals(String.valueOf(have), String.valueOf(e.getValue()))) {
                return false;
            }
        }
        if (entity != null && o.get("custom_fields") instanceof Map<?, ?> cf && cf.containsKey(ENTITY_FIELD)) {
            Object v = WriteValues.normalize(cf.get(ENTITY_FIELD));
            return v != null && String.valueOf(v).equals(entity.toString());
        }
        return true;
    }

    /** The entity id of a ref {@code <kind>:entity:<id>[:...]}, or null. */
    static Long entityOf(String ref) {
        String[] p = ref == null ? new String[0] : ref.split(":");
        if (p.length >= 3 && "entity".equals(p[1])) {
            try {
                return Long.parseLong(p[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

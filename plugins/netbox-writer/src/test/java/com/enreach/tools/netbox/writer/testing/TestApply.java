package com.enreach.tools.netbox.writer.testing;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxClient;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a change set into a NetBox the simplest way (one item at a time, in seq order, {"$ref"} replaced by the
 * created ids): what the apply does, without its journal, so preview tests can reach "after applying".
 */
public final class TestApply {
    private TestApply() {
    }

    public static void apply(NetBoxClient client, ChangeSet cs) {
        Map<String, Long> created = new HashMap<>();
        for (ChangeItem i : cs.items()) {
            String ep = NetBoxKinds.endpoint(i.objectType());
            BulkResult r = switch (i.action()) {
                case ChangeItem.CREATE -> client.create(ep, List.of(resolve(i.body(), created)));
                case ChangeItem.UPDATE -> client.update(ep, List.of(resolve(i.body(), created)));
                default -> client.delete(ep, List.of(i.netboxId()));
            };
            ItemResult res = r.items().get(0);
            if (!res.ok()) {
                throw new IllegalStateException(i.ref() + " refused: " + res.message() + " body " + i.body());
            }
            if (ChangeItem.CREATE.equals(i.action())) {
                created.put(i.ref(), res.id());
            }
        }
    }

    private static Map<String, Object> resolve(Map<String, Object> body, Map<String, Long> created) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> out.put(k, value(v, created)));
        return out;
    }

    private static Object value(Object v, Map<String, Long> created) {
        if (v instanceof Map<?, ?> m && m.containsKey("$ref")) {
            Long id = created.get(String.valueOf(m.get("$ref")));
            if (id == null) {
                throw new IllegalStateException("unresolved " + m + ": not created earlier in the change set");
            }
            return id;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> value(x, created)).toList();
        }
        return v;
    }
}

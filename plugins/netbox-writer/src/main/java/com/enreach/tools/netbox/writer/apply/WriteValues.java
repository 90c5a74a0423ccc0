package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NetBox values as they are written: NetBox answers references as nested objects and choices as
 * {@code {value, label}}; a body sends the id and the value. Used to write back before-images (rollback) and to
 * compare what NetBox holds with what an item writes (resume).
 */
public final class WriteValues {
    private WriteValues() {
    }

    /** A NetBox value as it would be written: nested objects → id, choices → value, lists element-wise. */
    @SuppressWarnings("unchecked")
    public static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("id")) {
                return ((Number) m.get("id")).longValue();
            }
            if (m.containsKey("value") && m.containsKey("label")) {
                return m.get("value");
            }
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return n.longValue();
        }
        return v;
    }
}

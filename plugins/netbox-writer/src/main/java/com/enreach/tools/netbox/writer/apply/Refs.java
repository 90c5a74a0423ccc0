package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Replaces {@code {"$ref": "<item ref>"}} in a body by the NetBox id of the object that item created. */
final class Refs {
    static final String REF = "$ref";

    private Refs() {
    }

    /** Thrown when a body names a ref no applied item has an id for. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String ref;

        Unresolved(String ref) {
            super(ref, null, false, false);
            this.ref = ref;
        }
    }

    static Object resolve(Object v, Map<String, Long> ids) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey(REF)) {
                Long id = ids.get(String.valueOf(m.get(REF)));
                if (id == null) {
                    throw new Unresolved(String.valueOf(m.get(REF)));
                }
                return id;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), resolve(x, ids)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(resolve(x, ids)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Map<String, Object> body, Map<String, Long> ids) {
        return body == null ? null : (Map<String, Object>) resolve(body, ids);
    }

    /** The refs a body names. */
    static void collect(Object v, Set<String> out) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey(REF)) {
                out.add(String.valueOf(m.get(REF)));
            } else {
                m.values().forEach(x -> collect(x, out));
            }
        } else if (v instanceof List<?> l) {
            l.forEach(x -> collect(x, out));
        }
    }
}

package com.enreach.tools.netbox.writer.preview;

import java.util.Map;

/** NetBox's answers as comparable values: nested objects → their id, choices → their value, numbers → long/double. */
public final class NetBoxValues {
    private NetBoxValues() {
    }

    /** The comparable form of one field of a NetBox object. */
    public static Object comparable(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("id")) {
                return number(m.get("id"));
            }
            if (m.containsKey("value")) {
                return comparable(m.get("value"));
            }
            return v;
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof String s && s.isEmpty()) {
            return null; // NetBox answers "" for an unset text field
        }
        return v;
    }

    /** What a person sees for one field of a NetBox object: a nested object's name or display, a choice's value. */
    public static Object display(Object v) {
        if (v instanceof Map<?, ?> m) {
            for (String k : new String[] {"name", "display", "model", "address", "mac_address", "value"}) {
                if (m.get(k) != null) {
                    return m.get(k);
                }
            }
            return m.get("id");
        }
        return v;
    }

    private static Object number(Object o) {
        if (o instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) n.longValue() : (Object) d;
        }
        return o;
    }

    /** Equality of two comparable values (numbers by value). */
    public static boolean same(Object a, Object b) {
        Object x = comparable(a);
        Object y = comparable(b);
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof String s && y instanceof String t) {
            return s.equals(t);
        }
        return x.equals(y);
    }
}

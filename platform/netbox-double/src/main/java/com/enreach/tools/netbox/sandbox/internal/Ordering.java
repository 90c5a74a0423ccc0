package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** NetBox's {@code ordering} parameter: comma-separated fields, '-' for descending; id order otherwise. */
final class Ordering {
    private Ordering() {
    }

    static List<ObjectNode> sort(List<ObjectNode> objects, String ordering) {
        if (ordering == null || ordering.isBlank()) {
            return objects;
        }
        Comparator<ObjectNode> c = null;
        for (String part : ordering.split(",")) {
            boolean desc = part.startsWith("-");
            String field = desc ? part.substring(1) : part;
            Comparator<ObjectNode> one = Comparator.comparing(o -> o.path(field), Ordering::compare);
            one = desc ? one.reversed() : one;
            c = c == null ? one : c.thenComparing(one);
        }
        List<ObjectNode> sorted = new ArrayList<>(objects);
        sorted.sort(c.thenComparing(o -> o.get("id").asLong()));
        return sorted;
    }

    private static int compare(JsonNode a, JsonNode b) {
        boolean an = a.isNull() || a.isMissingNode();
        boolean bn = b.isNull() || b.isMissingNode();
        if (an || bn) {
            return Boolean.compare(!an, !bn);
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.asText().compareTo(b.asText());
    }
}

package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** NetBox's 400 body for one object: field → messages. */
public final class FieldErrors {
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public void add(String field, String message) {
        List<String> list = errors.computeIfAbsent(field, f -> new ArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        errors.forEach((f, msgs) -> msgs.forEach(o.withArray(f)::add));
        return o;
    }
}

package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

import java.util.List;
import java.util.Map;

/**
 * One NetBox object kind as the double knows it: its endpoint, the JSON schemas of a full (POST/PUT) and a partial
 * (PATCH) body, which fields reference which kind (null: a kind the double does not hold), choice labels, defaults
 * and the fields of its brief representation.
 */
public record KindDef(String name, String endpoint, Schema createSchema, Schema patchSchema,
                      Map<String, String> references, Map<String, Map<String, String>> choices,
                      Map<String, JsonNode> defaults, List<String> brief, List<String> fields) {

    public boolean isReference(String field) {
        return references.containsKey(field);
    }

    public boolean isMultiReference(String field) {
        JsonNode d = defaults.get(field);
        return isReference(field) && d != null && d.isArray();
    }

    /** {@code dcim.device} → {@code device}: the model name NetBox uses in messages. */
    public String model() {
        return name.substring(name.indexOf('.') + 1);
    }
}

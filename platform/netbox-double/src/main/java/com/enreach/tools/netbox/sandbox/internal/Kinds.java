package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The object kinds of the double, read from the schema resource written from NetBox 4.2.2's OpenAPI document. */
public final class Kinds {
    static final String RESOURCE = "netbox-4.2-kinds.json";

    private final Map<String, KindDef> byName = new LinkedHashMap<>();
    private final Map<String, KindDef> byEndpoint = new LinkedHashMap<>();

    public Kinds(ObjectMapper json) {
        JsonNode root;
        try (InputStream in = Kinds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the NetBox double");
            }
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        JsonNode defs = root.get("$defs");
        root.get("kinds").fields().forEachRemaining(e -> {
            JsonNode k = e.getValue();
            ObjectNode create = ((ObjectNode) k.get("request")).deepCopy();
            create.set("$defs", defs);
            ObjectNode patch = create.deepCopy();
            patch.remove("required");
            Schema cs = registry.getSchema(create);
            Schema ps = registry.getSchema(patch);
            Map<String, String> refs = new LinkedHashMap<>();
            k.get("references").fields().forEachRemaining(r -> refs.put(r.getKey(), r.getValue().isNull() ? null : r.getValue().asText()));
            Map<String, Map<String, String>> choices = new LinkedHashMap<>();
            k.get("choices").fields().forEachRemaining(c -> {
                Map<String, String> labels = new LinkedHashMap<>();
                c.getValue().fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
                choices.put(c.getKey(), labels);
            });
            Map<String, JsonNode> defaults = new LinkedHashMap<>();
            k.get("defaults").fields().forEachRemaining(d -> defaults.put(d.getKey(), d.getValue()));
            List<String> brief = new ArrayList<>();
            k.get("brief").forEach(b -> brief.add(b.asText()));
            List<String> fields = new ArrayList<>();
            create.get("properties").fieldNames().forEachRemaining(fields::add);
            KindDef def = new KindDef(e.getKey(), k.get("endpoint").asText(), cs, ps, Collections.unmodifiableMap(refs),
                    choices, defaults, List.copyOf(brief), List.copyOf(fields));
            byName.put(def.name(), def);
            byEndpoint.put(def.endpoint(), def);
        });
    }

    public KindDef get(String name) {
        KindDef d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown NetBox object kind '" + name + "', expected one of " + byName.keySet());
        }
        return d;
    }

    public KindDef byEndpoint(String endpoint) {
        return byEndpoint.get(endpoint);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Iterable<KindDef> all() {
        return byName.values();
    }
}

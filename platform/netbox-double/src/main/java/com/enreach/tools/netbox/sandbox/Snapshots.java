package com.enreach.tools.netbox.sandbox;

import com.enreach.tools.netbox.sandbox.internal.Changelog;
import com.enreach.tools.netbox.sandbox.internal.KindDef;
import com.enreach.tools.netbox.sandbox.internal.Kinds;
import com.enreach.tools.netbox.sandbox.internal.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The double's state as one JSON document: objects per kind (stored form), id counters, change records. */
final class Snapshots {
    static final int FORMAT = 1;

    private Snapshots() {
    }

    static ObjectNode write(Kinds kinds, Store store, Changelog changelog) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("format", FORMAT);
        s.put("netbox_version", "4.2.2");
        ObjectNode objects = s.putObject("objects");
        for (KindDef k : kinds.all()) {
            store.all(k.name()).forEach(objects.withArray(k.name())::add);
        }
        ObjectNode ids = s.putObject("next_ids");
        store.nextIds().forEach(ids::put);
        changelog.all().forEach(s.withArray("changes")::add);
        return s;
    }

    static void read(JsonNode s, Kinds kinds, Store store, Changelog changelog) {
        if (s.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("not a NetBox double snapshot (format " + FORMAT + " expected)");
        }
        store.clear();
        s.path("objects").fields().forEachRemaining(e -> {
            String kind = kinds.get(e.getKey()).name();
            e.getValue().forEach(o -> store.put(kind, (ObjectNode) o));
        });
        s.path("next_ids").fields().forEachRemaining(e -> store.nextIds().put(e.getKey(), e.getValue().asLong()));
        changelog.restore(s.path("changes"));
    }
}

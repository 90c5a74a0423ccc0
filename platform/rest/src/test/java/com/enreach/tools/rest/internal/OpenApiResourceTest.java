package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.TokenService;
import com.fasterxml.jackson.databind.JsonNode;

class OpenApiResourceTest {
    private static final List<Class<?>> RESOURCES = List.of(HealthResource.class, DeviceResource.class, SourceResource.class, SyncResource.class,
            TokenResource.class, StorageResource.class, OpenApiResource.class);

    private final JsonNode doc = JsonProvider.MAPPER.valueToTree(OpenApiResource.build(RESOURCES));

    @Test
    void listsAnswerATypedEnvelope() {
        JsonNode schema = doc.at("/paths/~1devices/get/responses/200/content/application~1json/schema");
        assertEquals("#/components/schemas/EnvelopeDevice", schema.path("$ref").asText());
        JsonNode envelope = doc.at("/components/schemas/EnvelopeDevice/properties");
        assertEquals("integer", envelope.at("/count/type").asText());
        assertEquals("array", envelope.at("/results/type").asText());
        assertEquals("#/components/schemas/Device", envelope.at("/results/items/$ref").asText());
        assertEquals("#/components/schemas/EnvelopeSyncRun", doc.at("/paths/~1sync~1runs/get/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void requestBodiesAndResponsesOfResponseMethodsAreDescribed() {
        assertEquals("#/components/schemas/CreateRequest", doc.at("/paths/~1tokens/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals(Set.of("name", "role"), names(doc.at("/components/schemas/CreateRequest/properties")));
        assertEquals("#/components/schemas/Created", doc.at("/paths/~1tokens/post/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/SyncRun",
                doc.at("/paths/~1sources~1{instance}~1sync/post/responses/202/content/application~1json/schema/$ref").asText());
        // No body for operations that take none.
        assertTrue(doc.at("/paths/~1devices/get/requestBody").isMissingNode());
    }

    @Test
    void schemasNameExactlyThePropertiesTheApiWrites() throws Exception {
        for (Class<?> type : List.of(Device.class, DeviceDetail.class, SyncRun.class, SourceInstance.class, ApiToken.class, TokenService.Created.class,
                Envelope.class)) {
            JsonNode written = JsonProvider.MAPPER.valueToTree(emptyInstance(type));
            JsonNode schema = doc.at("/components/schemas/" + type.getSimpleName() + (type == Envelope.class ? "Device" : "") + "/properties");
            assertTrue(schema.isObject(), "no schema for " + type.getSimpleName());
            assertEquals(names(written), names(schema), type.getSimpleName());
        }
        assertEquals("string", doc.at("/components/schemas/SyncRun/properties/started_at/type").asText());
        assertEquals("date-time", doc.at("/components/schemas/SyncRun/properties/started_at/format").asText());
    }

    @Test
    void everyReferenceResolvesAndEveryTypedAnswerHasASchema() {
        List<String> problems = new ArrayList<>();
        refs(doc, problems);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fields().forEachRemaining(op -> {
                JsonNode ok = op.getValue().path("responses");
                boolean described = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = ok.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    described |= r.getKey().startsWith("2") && r.getValue().has("content");
                }
                if (!described) {
                    problems.add(op.getKey() + " " + p.getKey() + " has no success schema");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void refs(JsonNode n, List<String> problems) {
        if (n.isObject()) {
            JsonNode ref = n.get("$ref");
            if (ref != null) {
                String name = ref.asText().replace("#/components/schemas/", "");
                if (!doc.at("/components/schemas").has(name)) {
                    problems.add("unresolved " + ref.asText());
                }
            }
            n.forEach(c -> refs(c, problems));
        } else if (n.isArray()) {
            n.forEach(c -> refs(c, problems));
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A record with every component null, zero or false: Jackson writes every property of it. */
    private static Object emptyInstance(Class<?> type) throws Exception {
        RecordComponent[] rc = type.getRecordComponents();
        assertNotNull(rc, type + " is not a record");
        Class<?>[] types = new Class<?>[rc.length];
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            args[i] = !types[i].isPrimitive() ? null : types[i] == boolean.class ? Boolean.FALSE : types[i] == long.class ? 0L
                    : types[i] == double.class ? 0d : types[i] == float.class ? 0f : types[i] == char.class ? 'x' : (Object) 0;
            if (types[i] == short.class) {
                args[i] = (short) 0;
            } else if (types[i] == byte.class) {
                args[i] = (byte) 0;
            }
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
    }
}

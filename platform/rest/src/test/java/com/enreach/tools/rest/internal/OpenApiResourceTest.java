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
import com.enreach.tools.api.inventory.AttributeConflict;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.api.inventory.Observation;
import com.enreach.tools.api.inventory.Provenance;
import com.enreach.tools.api.inventory.RebuildResult;
import com.enreach.tools.api.inventory.ResolutionRules;
import com.fasterxml.jackson.databind.JsonNode;

class OpenApiResourceTest {
    private static final List<Class<?>> RESOURCES = List.of(HealthResource.class, DeviceResource.class, SourceResource.class, SyncResource.class,
            TokenResource.class, StorageResource.class, OpenApiResource.class, EntityResource.class, DecisionResource.class, OverrideResource.class,
            ConflictResource.class, IdentityConflictResource.class, InventoryRulesResource.class, NetBoxResource.class, NetBoxChangeSetResource.class);

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
    void inventoryRoutesDescribeTheirBodiesAndAnswers() {
        assertEquals("#/components/schemas/EnvelopeEntity", doc.at("/paths/~1entities/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/EntityDetail", doc.at("/paths/~1entities~1{id}/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/EntityLookup",
                doc.at("/paths/~1entities~1lookup/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/MergeRequest",
                doc.at("/paths/~1entities~1merge/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals(Set.of("entity_ids", "reason"), names(doc.at("/components/schemas/MergeRequest/properties")));
        assertEquals("integer", doc.at("/components/schemas/MergeRequest/properties/entity_ids/items/type").asText());
        assertEquals(Set.of("device_ids", "reason"), names(doc.at("/components/schemas/SplitRequest/properties")));
        assertEquals("#/components/schemas/Entity",
                doc.at("/paths/~1entities~1{id}~1split/post/responses/201/content/application~1json/schema/$ref").asText());
        String override = "/paths/~1entities~1{id}~1overrides~1{attribute}";
        assertEquals("#/components/schemas/OverrideRequest", doc.at(override + "/put/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals(Set.of("value", "reason", "expires_at"), names(doc.at("/components/schemas/OverrideRequest/properties")));
        assertEquals("#/components/schemas/GoldenValue", doc.at(override + "/put/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at(override + "/delete").isObject());
        assertEquals("#/components/schemas/EnvelopeAttributeConflict",
                doc.at("/paths/~1conflicts/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals(Set.of("attribute", "source", "entity_type", "entity", "limit", "offset"), paramNames("/paths/~1conflicts/get"));
        assertEquals(Set.of("q", "type", "source", "status", "site", "sort", "limit", "offset"), paramNames("/paths/~1entities/get"));
        assertEquals("#/components/schemas/EnvelopeIdentityConflict",
                doc.at("/paths/~1identity-conflicts/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/EnvelopeManualDecision",
                doc.at("/paths/~1entities~1decisions/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/ResolutionRules",
                doc.at("/paths/~1inventory~1rules/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("Needs a admin token", doc.at("/paths/~1entities~1rebuild/post/summary").asText());
        assertEquals("Needs a operator token", doc.at("/paths/~1entities~1merge/post/summary").asText());
    }

    @Test
    void netboxRoutesDescribeTheirRolesBodiesAndAnswers() {
        assertEquals("#/components/schemas/EnvelopeChangeSet",
                doc.at("/paths/~1netbox~1changesets/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/ChangeSet",
                doc.at("/paths/~1netbox~1changesets/post/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals(Set.of("hash", "item_ids", "include_deletes", "comment"), names(doc.at("/components/schemas/ApproveBody/properties")));
        assertEquals(Set.of("target", "entity_ids", "kinds", "deletes"), names(doc.at("/components/schemas/PreviewBody/properties")));
        assertEquals("Needs a approver token", doc.at("/paths/~1netbox~1changesets~1{id}~1approve/post/summary").asText());
        assertEquals("Needs a approver token", doc.at("/paths/~1netbox~1changesets~1{id}~1apply/post/summary").asText());
        assertEquals("Needs a operator token", doc.at("/paths/~1netbox~1changesets/post/summary").asText());
        assertEquals("Needs a operator token", doc.at("/paths/~1netbox~1conflicts~1{id}~1resolve/post/summary").asText());
        assertEquals("Needs a viewer token", doc.at("/paths/~1netbox~1history/get/summary").asText());
        assertEquals(Set.of("target", "source", "entity", "object_type", "netbox_id", "object", "user", "from", "to", "status", "changeset",
                "limit", "offset"), paramNames("/paths/~1netbox~1history/get"));
        assertEquals("#/components/schemas/ApplyResult",
                doc.at("/paths/~1netbox~1changesets~1{id}~1apply/post/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(names(doc.at("/components/schemas/FieldChange/properties")).containsAll(Set.of("field", "current", "proposed", "conflict")));
    }

    @Test
    void templateRegularExpressionsAreLeftOutOfPaths() {
        assertEquals("/entities/{id}", OpenApiResource.withoutRegex("/entities/{id: (?!(?:merge|rebuild)(?:/|$))[^/]+}"));
        assertEquals("/a/{x}/b/{y}", OpenApiResource.withoutRegex("/a/{ x : [0-9]{2,3} }/b/{y}"));
        assertTrue(doc.at("/paths").has("/entities/{id}"), doc.at("/paths").toString());
    }

    private Set<String> paramNames(String op) {
        Set<String> out = new TreeSet<>();
        doc.at(op + "/parameters").forEach(p -> out.add(p.path("name").asText()));
        return out;
    }

    @Test
    void schemasNameExactlyThePropertiesTheApiWrites() throws Exception {
        for (Class<?> type : List.of(Device.class, DeviceDetail.class, SyncRun.class, SourceInstance.class, ApiToken.class, TokenService.Created.class,
                Envelope.class, Entity.class, EntityDetail.class, GoldenValue.class, Provenance.class, Observation.class, AttributeConflict.class,
                IdentityConflict.class, ManualDecision.class, ResolutionRules.class, EntityLookup.class, RebuildResult.class)) {
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

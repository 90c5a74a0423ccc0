package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.Provenance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

/** Roles of the inventory routes, and their JSON in and out as the runtime reads and writes it. */
class InventoryRoutesTest {
    static final List<Class<?>> RESOURCES = List.of(EntityResource.class, DecisionResource.class, OverrideResource.class, ConflictResource.class,
            IdentityConflictResource.class, InventoryRulesResource.class);

    @Test
    void readsNeedViewerChangesNeedOperatorAndRebuildNeedsAdmin() throws Exception {
        List<String> routes = new ArrayList<>();
        for (Class<?> r : RESOURCES) {
            for (Method m : r.getDeclaredMethods()) {
                boolean read = m.isAnnotationPresent(GET.class);
                boolean route = read || m.isAnnotationPresent(jakarta.ws.rs.POST.class) || m.isAnnotationPresent(jakarta.ws.rs.PUT.class)
                        || m.isAnnotationPresent(jakarta.ws.rs.DELETE.class);
                if (route) {
                    routes.add(r.getSimpleName() + "." + m.getName());
                    Role needed = AuthFilter.required(r, m);
                    assertEquals(read ? Role.VIEWER : needed == Role.ADMIN ? Role.ADMIN : Role.OPERATOR, needed, r.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(Role.ADMIN, AuthFilter.required(EntityResource.class, EntityResource.class.getMethod("rebuild")));
        assertTrue(routes.size() >= 12, routes.toString());
    }

    /** Reads a body the way the runtime does: through the JSON provider, with the parameter's annotations. */
    private static Object read(Class<?> resource, String method, String json) throws Exception {
        for (Method m : resource.getMethods()) {
            if (m.getName().equals(method)) {
                for (Parameter p : m.getParameters()) {
                    if (p.getType().isRecord()) {
                        Annotation[] annotations = p.getAnnotations();
                        @SuppressWarnings("unchecked")
                        Class<Object> type = (Class<Object>) p.getType();
                        return new JsonProvider().readFrom(type, type, annotations, MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
                                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        throw new AssertionError("no body parameter on " + method);
    }

    private static ErrorBody.Error rejected(Class<?> resource, String method, String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(resource, method, json));
        Response r = new ExceptionMappers().toResponse(e);
        assertEquals(400, r.getStatus());
        return ((ErrorBody) r.getEntity()).error();
    }

    @Test
    void bodiesAreSnakeCase() throws Exception {
        assertEquals(new EntityResource.MergeRequest(List.of(1L, 2L), "same box"),
                read(EntityResource.class, "merge", "{\"entity_ids\": [1, 2], \"reason\": \"same box\"}"));
        assertEquals(new EntityResource.SplitRequest(List.of(7L), "two boxes"),
                read(EntityResource.class, "split", "{\"device_ids\": [7], \"reason\": \"two boxes\"}"));
        assertEquals(new OverrideResource.OverrideRequest(68719476736L, "checked", "2027-01-01T00:00:00Z"),
                read(OverrideResource.class, "put", "{\"value\": 68719476736, \"reason\": \"checked\", \"expires_at\": \"2027-01-01T00:00:00Z\"}"));
    }

    @Test
    void anUnknownFieldIsA400NamingItAndTheFieldsTheBodyTakes() {
        ErrorBody.Error e = rejected(EntityResource.class, "merge", "{\"entity_ids\": [1, 2], \"reason\": \"r\", \"entityIds\": [3]}");
        assertEquals("entityIds", e.field());
        assertTrue(e.message().contains("[entity_ids, reason]"), e.message());
        assertEquals("expiry", rejected(OverrideResource.class, "put", "{\"value\": 1, \"expiry\": \"2027-01-01T00:00:00Z\"}").field());
        assertEquals("reasons", rejected(EntityResource.class, "split", "{\"device_ids\": [7], \"reasons\": \"x\"}").field());
    }

    @Test
    void aWrongTypedFieldIsA400NamingIt() {
        for (String json : List.of("{\"entity_ids\": \"1,2\", \"reason\": \"r\"}", "{\"entity_ids\": [1, \"two\"], \"reason\": \"r\"}",
                "{\"entity_ids\": [1, {\"id\": 2}], \"reason\": \"r\"}")) {
            ErrorBody.Error e = rejected(EntityResource.class, "merge", json);
            assertEquals("entity_ids", e.field(), json + " -> " + e.message());
            assertFalse(e.message().contains("java.") || e.message().contains("MergeRequest"), e.message());
        }
        assertEquals("reason", rejected(EntityResource.class, "split", "{\"device_ids\": [7], \"reason\": [\"x\"]}").field());
    }

    @Test
    void answersAreSnakeCaseWithIsoTimes() throws Exception {
        Entity e = EntityResourceTest.entity(3, "web01");
        JsonNode n = JsonProvider.MAPPER.valueToTree(e);
        assertEquals(2, n.path("observation_count").asInt());
        assertEquals(1, n.path("conflict_count").asInt());
        assertEquals("2026-01-02T03:04:05Z", n.path("last_seen").asText());
        assertEquals("vcenter-prod", n.path("sources").path(1).asText());
        GoldenValue v = new GoldenValue("memory_bytes", 68719476736L, new Provenance(7L, "vcenter", "vcenter-prod", Instant.EPOCH), "priority:1",
                List.of(new GoldenValue.Alternative(68000000000L, new Provenance(8L, "puppetdb", "puppetdb-main", Instant.EPOCH))), true);
        JsonNode g = JsonProvider.MAPPER.valueToTree(v);
        assertEquals("vcenter-prod", g.at("/source/source_instance").asText());
        assertEquals(8, g.at("/alternatives/0/source/device_id").asInt());
        assertTrue(g.path("conflict").asBoolean());
        assertEquals("{\"id\":4,\"revoked_by\":\"alice\"}", JsonProvider.MAPPER.writeValueAsString(new DecisionResource.Revoked(4, "alice")));
    }
}

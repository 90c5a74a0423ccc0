package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The web UI's routes in the OpenAPI document: the sign-in takes no bearer token, everything else does. */
class SessionOpenApiTest {
    private final JsonNode doc = JsonProvider.MAPPER.valueToTree(OpenApiResource.build(List.of(SessionResource.class, UiExtensionResource.class,
            SyncResource.class)));

    @Test
    void signInIsOpenAndTakesTheTokenInItsBody() {
        assertTrue(doc.at("/paths/~1session/post/security").isMissingNode());
        assertEquals("#/components/schemas/SignIn", doc.at("/paths/~1session/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("bearer", doc.at("/paths/~1session/get/security/0").fieldNames().next());
        assertEquals("bearer", doc.at("/paths/~1session/delete/security/0").fieldNames().next());
        assertEquals("bearer", doc.at("/paths/~1ui~1extensions/get/security/0").fieldNames().next());
    }

    @Test
    void syncHistoryFiltersAreDocumented() {
        List<String> names = new java.util.ArrayList<>();
        doc.at("/paths/~1sync~1runs/get/parameters").forEach(p -> names.add(p.path("name").asText()));
        assertTrue(names.containsAll(List.of("instance", "status", "started_after", "started_before", "limit", "offset")), names.toString());
    }
}

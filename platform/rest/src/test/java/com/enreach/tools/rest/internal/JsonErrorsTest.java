package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.Response;

/** Bad JSON bodies answer 400s that name the field and never show a Java class name. */
class JsonErrorsTest {

    private static Response answer(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JsonProvider.MAPPER.readValue(json, type));
        return new ExceptionMappers().toResponse(e);
    }

    private static String body(Response r) throws JsonProcessingException {
        return JsonProvider.MAPPER.writeValueAsString(r.getEntity());
    }

    @Test
    void aDuplicateKeyIsA400NamingTheField() throws Exception {
        Response r = answer("{\"name\": \"a\", \"role\": \"viewer\", \"name\": \"b\"}", TokenResource.CreateRequest.class);
        assertEquals(400, r.getStatus());
        ErrorBody.Error error = ((ErrorBody) r.getEntity()).error();
        assertEquals("name", error.field());
        assertTrue(error.message().contains("'name' appears more than once"), error.message());
    }

    @Test
    void noJsonErrorShowsAJavaClassName() throws Exception {
        for (String json : List.of("{\"name\": \"a\", \"name\": \"b\"}", "{\"name\": [\"a\"], \"role\": \"viewer\"}", "[1, 2]", "{\"name\": {\"x\": 1}}",
                "{\"name\": \"x\", \"role\": ", "{\"role\": \"viewer\", \"role\": \"admin\"}", "\"text\"", "{\"name\": \"x\"} trailing")) {
            Response r;
            try {
                JsonProvider.MAPPER.readValue(json, TokenResource.CreateRequest.class);
                continue; // accepted: nothing to show
            } catch (JsonProcessingException e) {
                r = new ExceptionMappers().toResponse(e);
            }
            String text = body(r);
            assertEquals(400, r.getStatus(), json + " -> " + text);
            assertFalse(text.contains("com.enreach") || text.contains("java.") || text.contains("CreateRequest") || text.contains("jackson"),
                    json + " -> " + text);
        }
    }

    @Test
    void rolesAreWrittenInLowerCase() throws Exception {
        String json = JsonProvider.MAPPER.writeValueAsString(new ApiToken(1, "ci", Role.OPERATOR, "enr_abc", Instant.EPOCH, null, null));
        assertTrue(json.contains("\"role\":\"operator\""), json);
    }
}

package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.kb.VectorizationService;
import com.enreach.tools.api.kb.VectorizationStatus;
import com.enreach.tools.api.kb.VectorizeResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

/** /api/search and /api/kb/vectorization|vectorize|reindex over mocked services: parameters, roles, status codes, JSON. */
class KbRoutesTest {
    private final SearchService search = mock(SearchService.class);
    private final VectorizationService vectorization = mock(VectorizationService.class);
    private final KbSearchResource searchResource = new KbSearchResource();
    private final VectorizationResource vectorResource = new VectorizationResource();

    @BeforeEach
    void wire() {
        searchResource.search = search;
        searchResource.gate = new QueryGate();
        vectorResource.vectorization = vectorization;
    }

    @Test
    void searchParametersBecomeTheQuery() {
        SearchResult answer = new SearchResult("disk full", "database", List.of(), List.of("vector index plugin not installed: database text search"), null, 3);
        when(search.search(any())).thenReturn(answer);
        assertEquals(answer, searchResource.search("disk full", "issue", null, " OPS ", "Done", "true", "bm25", "5"));
        ArgumentCaptor<SearchQuery> q = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(q.capture());
        assertEquals(new SearchQuery("disk full", "ticket", null, "OPS", "Done", true, "bm25", 5), q.getValue());

        searchResource.search("x", "kb", null, null, null, null, null, null);
        verify(search).search(new SearchQuery("x", "article", null, null, null, false, null, KbSearchResource.DEFAULT_LIMIT));
    }

    @Test
    void badSearchParametersAre400sNamingThem() {
        assertEquals("type", assertThrows(ApiException.class, () -> searchResource.search("x", "wiki", null, null, null, null, null, null)).field());
        assertEquals("resolved", assertThrows(ApiException.class, () -> searchResource.search("x", null, null, null, null, "maybe", null, null)).field());
        assertEquals("mode", assertThrows(ApiException.class, () -> searchResource.search("x", null, null, null, null, null, "fuzzy", null)).field());
        assertEquals("limit", assertThrows(ApiException.class, () -> searchResource.search("x", null, null, null, null, null, null, "1000")).field());
        assertEquals("limit", assertThrows(ApiException.class, () -> searchResource.search("x", null, null, null, null, null, null, "ten")).field());
        ApiException e = assertThrows(ApiException.class, () -> searchResource.search("x", null, null, null, null, null, null, "0"));
        assertEquals(400, new ExceptionMappers().toResponse(e).getStatus());
    }

    @Test
    void searchResultsAreSnakeCase() {
        SearchHit hit = new SearchHit("article", 12, "Restart the backup agent", "restart the agent", "https://wiki/x", 0.03, 1, 2, "OPS", null, null,
                Instant.parse("2026-01-02T03:04:05Z"), 0);
        JsonNode n = JsonProvider.MAPPER.valueToTree(new SearchResult("backup", "hybrid", List.of(hit), List.of(), "m@1", 4));
        assertEquals(1, n.at("/hits/0/text_rank").asInt());
        assertEquals(2, n.at("/hits/0/vector_rank").asInt());
        assertEquals("article", n.at("/hits/0/content_type").asText());
        assertEquals(4, n.path("took_ms").asInt());
    }

    @Test
    void vectorizeTakesTypeAndRetryAndMissingProviderIs503RunningIs409() {
        VectorizeResult done = new VectorizeResult("ticket", 3, 10, 2, 0, 0, "m@1", 50);
        when(vectorization.vectorize(eq("ticket"), eq(true), isNull())).thenReturn(done);
        Response r = vectorResource.vectorize(new VectorizationResource.VectorizeRequest("issue", true));
        assertEquals(200, r.getStatus());
        assertEquals(done, r.getEntity());

        when(vectorization.vectorize(isNull(), anyBoolean(), isNull())).thenThrow(
                new ApiException(ApiException.Reason.UNAVAILABLE, "no_embedding_provider", null, "No embedding provider plugin is installed", null));
        Response unavailable = vectorResource.vectorize(null);
        assertEquals(503, unavailable.getStatus());
        assertEquals("no_embedding_provider", ((ErrorBody) unavailable.getEntity()).error().code());

        org.mockito.Mockito.doThrow(new ApiException(ApiException.Reason.CONFLICT, "vectorization_running", null, "running", null))
                .when(vectorization).vectorize(eq("article"), anyBoolean(), isNull());
        ApiException running = assertThrows(ApiException.class, () -> vectorResource.vectorize(new VectorizationResource.VectorizeRequest("kb", null)));
        assertEquals(409, new ExceptionMappers().toResponse(running).getStatus());
        assertEquals("type", assertThrows(ApiException.class, () -> vectorResource.vectorize(new VectorizationResource.VectorizeRequest("pages", null))).field());
    }

    @Test
    void reindexWithoutAnIndexIs503() {
        when(vectorization.reindex()).thenReturn(42L).thenThrow(new ApiException(ApiException.Reason.UNAVAILABLE, "no_vector_index", null, "none", null));
        assertEquals(new VectorizationResource.ReindexResult(42), vectorResource.reindex().getEntity());
        assertEquals(503, vectorResource.reindex().getStatus());
    }

    @Test
    void statusIsForViewersAndChangesForOperators() throws Exception {
        VectorizationStatus s = new VectorizationStatus(Map.of("article", Map.of("pending", 1L)), 5, "m@1", true, 5, true, List.of(), false);
        when(vectorization.status()).thenReturn(s);
        assertEquals(s, vectorResource.status());
        assertEquals(Role.VIEWER, AuthFilter.required(VectorizationResource.class, VectorizationResource.class.getMethod("status")));
        assertEquals(Role.OPERATOR, AuthFilter.required(VectorizationResource.class,
                VectorizationResource.class.getMethod("vectorize", VectorizationResource.VectorizeRequest.class)));
        assertEquals(Role.OPERATOR, AuthFilter.required(VectorizationResource.class, VectorizationResource.class.getMethod("reindex")));
        assertEquals(Role.VIEWER, AuthFilter.required(KbSearchResource.class, KbSearchResource.class.getMethods()[0].getDeclaringClass()
                .getMethod("search", String.class, String.class, String.class, String.class, String.class, String.class, String.class, String.class)));
    }

    @Test
    void theVectorizeBodyIsSnakeCaseAndRejectsUnknownFields() throws Exception {
        assertEquals(new VectorizationResource.VectorizeRequest("kb", true), readBody("{\"type\": \"kb\", \"retry_failed\": true}"));
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> readBody("{\"retryFailed\": true}"));
        Response r = new ExceptionMappers().toResponse(e);
        assertEquals(400, r.getStatus());
        assertTrue(((ErrorBody) r.getEntity()).error().message().contains("[retry_failed, type]"));
    }

    private static Object readBody(String json) throws Exception {
        Method m = VectorizationResource.class.getMethod("vectorize", VectorizationResource.VectorizeRequest.class);
        Annotation[] annotations = m.getParameters()[0].getAnnotations();
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) (Class<?>) VectorizationResource.VectorizeRequest.class;
        return new JsonProvider().readFrom(type, type, annotations, MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}

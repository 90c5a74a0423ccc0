package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.api.inventory.ReportService;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** /api/reports over a mocked report service: JSON pages with links, CSV with a header row, 400s and 404s. */
class ReportResourceTest {
    private final ReportService service = mock(ReportService.class);
    private final ReportResource resource = new ReportResource();

    @BeforeEach
    void wire() {
        resource.reports = service;
        resource.gate = new QueryGate();
    }

    private static UriInfo uri(String query) {
        UriInfo u = mock(UriInfo.class);
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        if (!query.isEmpty()) {
            for (String kv : query.split("&")) {
                String[] p = kv.split("=", 2);
                params.add(p[0], p.length > 1 ? p[1] : "");
            }
        }
        when(u.getQueryParameters()).thenReturn(params);
        when(u.getRequestUriBuilder()).thenAnswer(i -> UriBuilder.fromUri(URI.create("http://h/api/reports/vms-without-backup" + (query.isEmpty() ? "" : "?" + query))));
        return u;
    }

    private static HttpHeaders accept(String... types) {
        HttpHeaders h = mock(HttpHeaders.class);
        when(h.getAcceptableMediaTypes()).thenReturn(java.util.Arrays.stream(types).map(MediaType::valueOf).toList());
        return h;
    }

    private static ReportResult result(long total, ReportResult.Row... rows) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("days", "7");
        return new ReportResult("vms-without-backup", "VMs without a recent backup", params, total, List.of("last_success_at", "backup_source"),
                List.of(rows), Instant.parse("2026-03-10T12:00:00Z"));
    }

    private static ReportResult.Row row(long id, String name, Object lastSuccess, Object source) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("last_success_at", lastSuccess);
        v.put("backup_source", source);
        return new ReportResult.Row(id, name, "vm", v);
    }

    @Test
    void theListIsAnEnvelopeOfEveryReport() {
        when(service.reports()).thenReturn(List.of(new ReportInfo("a", "A", "d", List.of()), new ReportInfo("b", "B", "d", List.of())));
        Envelope<ReportInfo> e = resource.list();
        assertEquals(2, e.count());
        assertEquals("b", e.results().get(1).name());
    }

    @Test
    void jsonPagesPassTheReportParametersAndLinkToTheNextPage() throws Exception {
        when(service.run(eq("vms-without-backup"), anyMap(), anyInt(), anyInt())).thenReturn(result(120, row(3, "vm-a", null, "cv")));

        Response r = resource.run("vms-without-backup", "50", null, null, uri("days=30&limit=50&backup_source=*cv*"), accept("*/*"));

        verify(service).run("vms-without-backup", Map.of("days", "30", "backup_source", "*cv*"), 50, 0);
        assertEquals(MediaType.APPLICATION_JSON_TYPE, r.getMediaType());
        JsonNode json = JsonProvider.MAPPER.valueToTree(r.getEntity());
        assertEquals(120, json.path("total").asLong());
        URI next = URI.create(json.path("next").asText());
        assertEquals("/api/reports/vms-without-backup", next.getPath());
        assertEquals(java.util.Set.of("days=30", "limit=50", "offset=50", "backup_source=*cv*"), java.util.Set.of(next.getQuery().split("&")));
        assertTrue(json.path("previous").isNull());
        assertEquals(3, json.path("rows").get(0).path("entity_id").asLong());
        assertEquals("vm-a", json.path("rows").get(0).path("entity_name").asText());
        assertEquals("cv", json.path("rows").get(0).path("values").path("backup_source").asText());
        assertEquals("2026-03-10T12:00:00Z", json.path("generated_at").asText());
    }

    @Test
    void csvHasAHeaderRowQuotesWhatNeedsItAndDefusesFormulas() {
        when(service.run(eq("vms-without-backup"), anyMap(), anyInt(), anyInt()))
                .thenReturn(result(3, row(3, "vm, \"quoted\"", "2026-03-01T00:00:00.000Z", "cv"), row(4, "=HYPERLINK(\"x\")", null, "line\nbreak")));

        Response r = resource.run("vms-without-backup", null, null, "csv", uri("format=csv"), accept("application/json"));

        verify(service).run("vms-without-backup", Map.of(), ReportResource.CSV_MAX_ROWS, 0);
        assertEquals("text/csv;charset=UTF-8", r.getMediaType().toString().replace(" ", ""));
        assertTrue(r.getHeaderString("Content-Disposition").contains("filename=\"vms-without-backup.csv\""));
        assertEquals("entity_id,entity_name,entity_type,last_success_at,backup_source\r\n"
                + "3,\"vm, \"\"quoted\"\"\",vm,2026-03-01T00:00:00.000Z,cv\r\n"
                + "4,\"'=HYPERLINK(\"\"x\"\")\",vm,,\"line\nbreak\"\r\n", r.getEntity());
    }

    @Test
    void acceptTextCsvAsksForCsvUnlessJsonComesFirst() {
        assertTrue(ReportResource.csv(null, accept("text/csv")));
        assertTrue(ReportResource.csv(null, accept("text/csv", "application/json;q=0.5")));
        assertFalse(ReportResource.csv(null, accept("application/json", "text/csv")));
        assertFalse(ReportResource.csv(null, accept("*/*")));
        assertFalse(ReportResource.csv("json", accept("text/csv")));
    }

    @Test
    void badRequestsAre400sNamingTheParameterAndUnknownReports404() {
        ApiException format = assertThrows(ApiException.class, () -> resource.run("x", null, null, "xml", uri("format=xml"), accept("*/*")));
        assertEquals(400, new ExceptionMappers().toResponse(format).getStatus());
        assertEquals("format", format.field());
        ApiException twice = assertThrows(ApiException.class, () -> resource.run("x", null, null, null, uri("days=1&days=2"), accept("*/*")));
        assertEquals("days", twice.field());
        assertEquals("limit", assertThrows(ApiException.class, () -> resource.run("x", "5000", null, null, uri("limit=5000"), accept("*/*"))).field());

        when(service.run(eq("nope"), anyMap(), anyInt(), anyInt())).thenThrow(ApiException.notFound("Report", "nope"));
        Response notFound = new ExceptionMappers().toResponse(assertThrows(ApiException.class,
                () -> resource.run("nope", null, null, "csv", uri(""), accept("text/csv"))));
        assertEquals(404, notFound.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, notFound.getMediaType(), "errors stay JSON when CSV was asked for");
        when(service.run(eq("vms-without-backup"), anyMap(), anyInt(), anyInt())).thenThrow(ApiException.invalid("dayz", "no parameter 'dayz'"));
        ApiException unknown = assertThrows(ApiException.class, () -> resource.run("vms-without-backup", null, null, null, uri("dayz=1"), accept("*/*")));
        assertEquals(400, new ExceptionMappers().toResponse(unknown).getStatus());
    }
}

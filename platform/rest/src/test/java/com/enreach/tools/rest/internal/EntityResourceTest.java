package com.enreach.tools.rest.internal;

import static com.enreach.tools.rest.internal.RestMocks.caller;
import static com.enreach.tools.rest.internal.RestMocks.invalid;
import static com.enreach.tools.rest.internal.RestMocks.notFound;
import static com.enreach.tools.rest.internal.RestMocks.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

class EntityResourceTest {
    private final EntityService service = mock(EntityService.class);
    private final EntityResource resource = new EntityResource();

    EntityResourceTest() {
        resource.entities = service;
        resource.gate = new QueryGate();
    }

    static Entity entity(long id, String name) {
        return new Entity(id, name, "vm", "active", "Zürich", List.of("puppetdb-main", "vcenter-prod"), 2, 1, Instant.parse("2026-01-02T03:04:05Z"),
                Instant.EPOCH, Instant.EPOCH);
    }

    static EntityDetail detail(long id) {
        return new EntityDetail(entity(id, "web01"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private Envelope<Entity> list(String q, String type, String source, String status, String site, String sort, String limit, String offset) {
        return resource.list(q, type, source, status, site, sort, limit, offset, uri("http://h/api/entities?q=web&limit=2&offset=2"));
    }

    @Test
    void listPassesEveryFilterAndAnswersANetBoxEnvelope() {
        when(service.find(any())).thenReturn(new Page<>(7, 2, 2, List.of(entity(3, "web01"), entity(4, "web02"))));

        Envelope<Entity> page = list(" web ", "vm", "vcenter-prod", "stale", "Zürich", "-last_seen", "2", "2");

        ArgumentCaptor<EntityQuery> q = ArgumentCaptor.forClass(EntityQuery.class);
        verify(service).find(q.capture());
        assertEquals(new EntityQuery("web", "vm", "vcenter-prod", "stale", "Zürich", "-last_seen", 2, 2), q.getValue());
        assertEquals(7, page.count());
        assertEquals("http://h/api/entities?q=web&offset=4&limit=2", page.next());
        assertEquals("http://h/api/entities?q=web&offset=0&limit=2", page.previous());
        assertEquals(2, page.results().size());
    }

    @Test
    void listDefaultsToFiftyFromTheStartAndLeavesFiltersOpen() {
        when(service.find(any())).thenReturn(new Page<>(0, 50, 0, List.of()));

        Envelope<Entity> page = list(null, "", null, null, " ", null, null, null);

        verify(service).find(new EntityQuery(null, null, null, null, null, null, 50, 0));
        assertNull(page.next());
        assertNull(page.previous());
    }

    @Test
    void badSortStatusLimitOrOffsetIsA400NamingTheParameterAndNeverQueries() {
        assertTrue(invalid("sort", () -> list(null, null, null, null, null, "size", null, null)).contains("name, -name"));
        assertTrue(invalid("status", () -> list(null, null, null, "quarantined", null, null, null, null)).contains("active, stale"));
        invalid("limit", () -> list(null, null, null, null, null, null, "0", null));
        invalid("limit", () -> list(null, null, null, null, null, null, "1001", null));
        invalid("limit", () -> list(null, null, null, null, null, null, "ten", null));
        invalid("offset", () -> list(null, null, null, null, null, null, null, "-1"));
        verifyNoInteractions(service);
    }

    @Test
    void searchesAndFiltersGoThroughTheQueryGate() {
        QueryGate full = new QueryGate(1, Duration.ZERO);
        assertTrue(full.enter());
        resource.gate = full;
        when(service.find(any())).thenReturn(new Page<>(0, 50, 0, List.of()));

        for (String[] f : new String[][] {{"web", null, null}, {null, "vm", null}, {null, null, "name"}}) {
            ApiException e = assertThrows(ApiException.class, () -> list(f[0], f[1], null, null, null, f[2], null, null));
            assertEquals(503, new ExceptionMappers().toResponse(e).getStatus());
        }
        verify(service, never()).find(any());
        list(null, null, null, null, null, null, "10", "0"); // a plain page needs no permit
        verify(service).find(any());
    }

    @Test
    void detailIsByNumericIdAndUnknownIdsAre404() {
        when(service.get(anyLong())).thenReturn(Optional.empty());

        invalid("id", () -> resource.get("web01"));
        invalid("id", () -> resource.get("0"));
        notFound(() -> resource.get("42"));
        verify(service).get(42);
    }

    @Test
    void lookupAnswersEveryCandidateAnd404WhenNothingMatches() {
        EntityLookup two = new EntityLookup("web01", List.of(entity(3, "web01.prod"), entity(4, "web01.dev")));
        when(service.lookup("web01")).thenReturn(two);
        when(service.lookup("ghost")).thenReturn(new EntityLookup("ghost", List.of()));

        assertSame(two, resource.lookup(" web01 "));
        notFound(() -> resource.lookup("ghost"));
        invalid("q", () -> resource.lookup(" "));
        invalid("q", () -> resource.lookup(null));
    }

    @Test
    void mergePassesIdsReasonAndTheCallingTokensName() {
        when(service.merge(anyList(), anyString(), anyString())).thenReturn(entity(3, "web01"));

        Entity merged = resource.merge(new EntityResource.MergeRequest(List.of(3L, 9L), " same serial "), caller("alice", Role.OPERATOR));

        assertEquals(3, merged.id());
        verify(service).merge(List.of(3L, 9L), "same serial", "alice");
    }

    @Test
    void mergeBodiesAreValidatedFieldByField() {
        ContainerRequestContext alice = caller("alice", Role.OPERATOR);
        invalid(null, () -> resource.merge(null, alice));
        invalid("entity_ids", () -> resource.merge(new EntityResource.MergeRequest(null, "r"), alice));
        invalid("entity_ids", () -> resource.merge(new EntityResource.MergeRequest(List.of(3L), "r"), alice));
        invalid("entity_ids", () -> resource.merge(new EntityResource.MergeRequest(List.of(3L, 3L), "r"), alice));
        invalid("entity_ids", () -> resource.merge(new EntityResource.MergeRequest(List.of(3L, -1L), "r"), alice));
        invalid("reason", () -> resource.merge(new EntityResource.MergeRequest(List.of(3L, 4L), " "), alice));
        verifyNoInteractions(service);
    }

    @Test
    void aMutationWithoutAnAuthenticatedCallerIsRefused() {
        ContainerRequestContext anonymous = mock(ContainerRequestContext.class);
        ApiException e = assertThrows(ApiException.class, () -> resource.merge(new EntityResource.MergeRequest(List.of(3L, 4L), "r"), anonymous));
        assertEquals(403, new ExceptionMappers().toResponse(e).getStatus());
        verifyNoInteractions(service);
    }

    @Test
    void splitAnswers201WithTheNewEntity() {
        when(service.get(3)).thenReturn(Optional.of(detail(3)));
        when(service.split(anyLong(), anyList(), anyString(), anyString())).thenReturn(entity(12, "web01.dev"));

        Response r = resource.split("3", new EntityResource.SplitRequest(List.of(7L, 8L), "different serials"), caller("bob", Role.ADMIN));

        assertEquals(201, r.getStatus());
        assertEquals(12, ((Entity) r.getEntity()).id());
        verify(service).split(3, List.of(7L, 8L), "different serials", "bob");
    }

    @Test
    void splitOfAnUnknownEntityIs404WhateverTheBody() {
        when(service.get(anyLong())).thenReturn(Optional.empty());

        notFound(() -> resource.split("99", null, caller("bob", Role.OPERATOR)));
        notFound(() -> resource.split("99", new EntityResource.SplitRequest(List.of(), null), caller("bob", Role.OPERATOR)));
        verify(service, never()).split(anyLong(), anyList(), anyString(), anyString());
    }

    @Test
    void splitBodiesAreValidatedFieldByField() {
        when(service.get(3)).thenReturn(Optional.of(detail(3)));
        ContainerRequestContext bob = caller("bob", Role.OPERATOR);
        invalid("id", () -> resource.split("x", new EntityResource.SplitRequest(List.of(7L), "r"), bob));
        invalid("device_ids", () -> resource.split("3", new EntityResource.SplitRequest(List.of(), "r"), bob));
        invalid("device_ids", () -> resource.split("3", new EntityResource.SplitRequest(null, "r"), bob));
        invalid("reason", () -> resource.split("3", new EntityResource.SplitRequest(List.of(7L), null), bob));
        verify(service, never()).split(anyLong(), anyList(), anyString(), anyString());
    }

    @Test
    void serviceRefusalsKeepTheirStatus() {
        when(service.merge(anyList(), anyString(), anyString())).thenThrow(ApiException.notFound("Entity", "99"));
        ApiException e = assertThrows(ApiException.class,
                () -> resource.merge(new EntityResource.MergeRequest(List.of(3L, 99L), "r"), caller("alice", Role.OPERATOR)));
        assertEquals(404, new ExceptionMappers().toResponse(e).getStatus());
    }
}

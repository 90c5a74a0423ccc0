package com.enreach.tools.rest.internal;

import static com.enreach.tools.rest.internal.RestMocks.caller;
import static com.enreach.tools.rest.internal.RestMocks.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.Provenance;

import jakarta.ws.rs.container.ContainerRequestContext;

class OverrideResourceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final ConflictService service = mock(ConflictService.class);
    private final EntityService entities = mock(EntityService.class);
    private final OverrideResource resource = new OverrideResource();
    private final ContainerRequestContext carol = caller("carol", Role.OPERATOR);

    OverrideResourceTest() {
        resource.conflicts = service;
        resource.entities = entities;
        when(entities.get(anyLong())).thenReturn(Optional.empty());
        when(entities.get(5)).thenReturn(Optional.of(EntityResourceTest.detail(5)));
        resource.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        when(service.attributes()).thenReturn(Attributes.ALL);
    }

    @Test
    void putStoresTheValueWithReasonExpiryAndCaller() {
        GoldenValue after = new GoldenValue("os", "Debian 12", new Provenance(null, "manual", "manual", NOW), "manual", List.of(), false);
        when(service.override(anyLong(), anyString(), any(), any(), any(), anyString())).thenReturn(after);

        GoldenValue v = resource.put("5", "os", new OverrideResource.OverrideRequest("Debian 12", "puppet is right", "2026-07-01T00:00:00Z"), carol);

        assertSame(after, v);
        verify(service).override(5, "os", "Debian 12", "puppet is right", Instant.parse("2026-07-01T00:00:00Z"), "carol");
    }

    @Test
    void reasonAndExpiryAreOptional() {
        resource.put("5", "memory_bytes", new OverrideResource.OverrideRequest(68719476736L, null, null), carol);

        verify(service).override(5, "memory_bytes", 68719476736L, null, null, "carol");
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertTrue(invalid("attribute", () -> resource.put("5", "colour", new OverrideResource.OverrideRequest("red", null, null), carol))
                .contains("memory_bytes"));
        invalid("id", () -> resource.put("five", "os", new OverrideResource.OverrideRequest("x", null, null), carol));
        invalid("value", () -> resource.put("5", "os", new OverrideResource.OverrideRequest(null, "r", null), carol));
        invalid(null, () -> resource.put("5", "os", null, carol));
        assertTrue(invalid("expires_at", () -> resource.put("5", "os", new OverrideResource.OverrideRequest("x", null, "next week"), carol))
                .contains("ISO-8601"));
        assertTrue(invalid("expires_at", () -> resource.put("5", "os", new OverrideResource.OverrideRequest("x", null, "2026-05-01T00:00:00Z"), carol))
                .contains("future"));
        verify(service, never()).override(anyLong(), anyString(), any(), any(), any(), anyString());
    }

    @Test
    void anUnknownEntityIs404WhateverElseIsWrong() {
        RestMocks.notFound(() -> resource.put("99", "colour", null, carol));
        RestMocks.notFound(() -> resource.delete("99", "colour", carol));
        verify(service, never()).override(anyLong(), anyString(), any(), any(), any(), anyString());
        verify(service, never()).revokeOverride(anyLong(), anyString(), anyString());
    }

    @Test
    void deleteWithdrawsTheOverrideInTheCallersName() {
        OverrideResource.Withdrawn w = resource.delete("5", "os", carol);

        verify(service).revokeOverride(5, "os", "carol");
        assertEquals(new OverrideResource.Withdrawn(5, "os", "carol"), w);
        invalid("attribute", () -> resource.delete("5", "OS", carol));
    }
}

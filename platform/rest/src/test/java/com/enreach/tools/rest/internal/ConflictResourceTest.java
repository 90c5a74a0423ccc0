package com.enreach.tools.rest.internal;

import static com.enreach.tools.rest.internal.RestMocks.caller;
import static com.enreach.tools.rest.internal.RestMocks.invalid;
import static com.enreach.tools.rest.internal.RestMocks.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.AttributeConflict;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.ConflictQuery;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.api.inventory.ResolutionRules;

/** Attribute and identity conflicts, decisions and rules: filters reach the services, bad ones are 400s. */
class ConflictResourceTest {
    private final ConflictService conflictService = mock(ConflictService.class);
    private final EntityService entityService = mock(EntityService.class);

    ConflictResourceTest() {
        when(conflictService.attributes()).thenReturn(Attributes.ALL);
    }

    private ConflictResource conflicts() {
        ConflictResource r = new ConflictResource();
        r.conflicts = conflictService;
        r.gate = new QueryGate();
        return r;
    }

    @Test
    void conflictFiltersReachTheServiceAndAnswerAnEnvelope() {
        when(conflictService.find(any())).thenReturn(new Page<>(3, 1, 0, List.of(new AttributeConflict(5, "web01", "vm", "memory_bytes", null, List.of()))));

        Envelope<AttributeConflict> page = conflicts().list("memory_bytes", "vcenter-prod", "vm", "5", "1", null, uri("http://h/api/conflicts?limit=1"));

        verify(conflictService).find(new ConflictQuery("memory_bytes", "vcenter-prod", "vm", 5L, 1, 0));
        assertEquals(3, page.count());
        assertEquals("http://h/api/conflicts?offset=1&limit=1", page.next());
        assertNull(page.previous());
    }

    @Test
    void badConflictFiltersAre400sNamingTheParameter() {
        invalid("attribute", () -> conflicts().list("colour", null, null, null, null, null, uri("http://h/api/conflicts")));
        invalid("entity", () -> conflicts().list(null, null, null, "web01", null, null, uri("http://h/api/conflicts")));
        invalid("limit", () -> conflicts().list(null, null, null, null, "5000", null, uri("http://h/api/conflicts")));
        verify(conflictService, never()).find(any());
    }

    @Test
    void identityConflictsAreOpenOnesUnlessAllAreAskedFor() {
        IdentityConflictResource r = new IdentityConflictResource();
        r.entities = entityService;
        IdentityConflict c = new IdentityConflict(1, "same-name-different-serial", "web01", "serials differ", List.of(3L, 4L), List.of(7L, 8L), "open",
                Instant.EPOCH);
        when(entityService.identityConflicts(anyBoolean(), anyInt(), anyInt())).thenReturn(new Page<>(1, 50, 0, List.of(c)));

        assertEquals(List.of(c), r.list(null, null, null, uri("http://h/api/identity-conflicts")).results());
        verify(entityService).identityConflicts(true, 50, 0);
        r.list("all", "10", "20", uri("http://h/api/identity-conflicts?status=all"));
        verify(entityService).identityConflicts(false, 10, 20);
        invalid("status", () -> r.list("resolved", null, null, uri("http://h/api/identity-conflicts")));
    }

    @Test
    void decisionsArePagedAndRevokedInTheCallersName() {
        DecisionResource r = new DecisionResource();
        r.entities = entityService;
        ManualDecision d = new ManualDecision(4, "merge", 3L, List.of("vcenter-prod/vm-1", "puppetdb-main/web01"), null, null, "same box", "alice",
                Instant.EPOCH, null, null);
        when(entityService.decisions(anyInt(), anyInt())).thenReturn(new Page<>(1, 50, 0, List.of(d)));

        assertEquals(List.of(d), r.list(null, null, uri("http://h/api/entities/decisions")).results());
        assertEquals(new DecisionResource.Revoked(4, "dave"), r.revoke("4", caller("dave", Role.OPERATOR)));
        verify(entityService).revokeDecision(4, "dave");
        invalid("id", () -> r.revoke("four", caller("dave", Role.OPERATOR)));
    }

    @Test
    void rulesAreTheServicesRules() {
        InventoryRulesResource r = new InventoryRulesResource();
        r.conflicts = conflictService;
        ResolutionRules rules = new ResolutionRules("etc/inventory-rules.json", Instant.EPOCH, List.of(), List.of());
        when(conflictService.rules()).thenReturn(rules);

        assertEquals(rules, r.rules());
    }
}

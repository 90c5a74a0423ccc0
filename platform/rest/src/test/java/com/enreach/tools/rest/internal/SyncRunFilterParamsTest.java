package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;

/** The sync history's time filters: a day means its first instant in UTC; anything else unreadable is a 400 naming the field. */
class SyncRunFilterParamsTest {
    @Test
    void aDayOrAnInstant() {
        assertEquals(Instant.parse("2026-01-31T00:00:00Z"), SyncResource.time("started_after", "2026-01-31"));
        assertEquals(Instant.parse("2026-01-31T12:30:00Z"), SyncResource.time("started_before", "2026-01-31T12:30:00Z"));
        assertNull(SyncResource.time("started_after", " "));
    }

    @Test
    void somethingElseIsRefusedNamingTheField() {
        ApiException e = assertThrows(ApiException.class, () -> SyncResource.time("started_before", "31/01/2026"));
        assertEquals("started_before", e.field());
        assertTrue(e.getMessage().contains("31/01/2026"));
    }
}

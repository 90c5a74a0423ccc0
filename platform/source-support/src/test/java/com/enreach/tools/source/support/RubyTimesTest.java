package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RubyTimesTest {
    @Test
    void readsRubyAndIsoNotations() {
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), RubyTimes.parse("2024-05-01 10:00:00 UTC"));
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), RubyTimes.parse("2024-05-01 10:00:00 +0200"));
        assertEquals(Instant.parse("2024-05-01T10:00:00.250Z"), RubyTimes.parse("2024-05-01T10:00:00.25Z"));
        assertNull(RubyTimes.parse("never"));
        assertEquals("never", RubyTimes.iso("never"));
    }
}

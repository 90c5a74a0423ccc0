package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizeTest {
    @Test
    void hostKeysMatchTheSameMachineAcrossSources() {
        assertEquals("db01", Normalize.hostKey("DB01.corp.example.com"));
        assertEquals("db01", Normalize.hostKey(" db01 "));
        assertEquals("10.1.2.3", Normalize.hostKey("10.1.2.3"));
        assertEquals("fe80::1", Normalize.hostKey("fe80::1"));
        assertNull(Normalize.hostKey("  "));
    }

    @Test
    void macsInEveryCommonNotation() {
        assertEquals("00:50:56:ab:cd:ef", Normalize.mac("00-50-56-AB-CD-EF"));
        assertEquals("00:50:56:ab:cd:ef", Normalize.mac("0050.56ab.cdef"));
        assertNull(Normalize.mac("00:50:56"));
    }

    @Test
    void ipAddressesAreValidatedWithoutDns() {
        assertEquals(new Normalize.Ip("10.0.0.1", 24, 4), Normalize.ip("10.0.0.1/24"));
        assertEquals("2001:db8::1", Normalize.ip("2001:0DB8:0:0:0:0:0:1").address());
        assertThrows(IllegalArgumentException.class, () -> Normalize.ip("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> Normalize.ip("10.0.0.1/33"));
        assertThrows(IllegalArgumentException.class, () -> Normalize.ip("db01.example.com"));
    }
}

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
    void macsWithoutLeadingZerosAsSolarisAndAixPrintThem() {
        assertEquals("00:14:4f:19:0c:01", Normalize.mac("0:14:4f:19:c:1"));
        assertEquals("00:00:00:00:00:00", Normalize.mac("0:0:0:0:0:0"));
        assertEquals("0a:0b:0c:0d:0e:0f", Normalize.mac("A-B-C-D-E-F"));
    }

    @Test
    void macsInCiscoDottedAndBareHexNotation() {
        assertEquals("00:14:4f:19:0c:01", Normalize.mac("0014.4f19.0c01"));
        assertEquals("00:14:4f:19:0c:01", Normalize.mac(" 0014.4F19.0C01 "));
        assertEquals("00:14:4f:19:0c:01", Normalize.mac("00144f190c01"));
        assertEquals("00:14:4f:19:0c:01", Normalize.mac("00 14 4f 19 0c 01"));
    }

    @Test
    void malformedMacsAreRejected() {
        assertNull(Normalize.mac("0:14:4f:19:c"), "five groups");
        assertNull(Normalize.mac("0:14:4f:19:c:1:2"), "seven groups");
        assertNull(Normalize.mac("0:14:4f:19::1"), "an empty group");
        assertNull(Normalize.mac("000:14:4f:19:c:1"), "a group of three digits");
        assertNull(Normalize.mac("00:14-4f:19:0c:01"), "mixed separators");
        assertNull(Normalize.mac("14.4f19.0c01"), "a short Cisco group");
        assertNull(Normalize.mac("0014.4f19.0c01.0000"), "four Cisco groups");
        assertNull(Normalize.mac("00:14:4g:19:0c:01"), "not hex");
        assertNull(Normalize.mac("00144f190c0"), "eleven digits");
        assertNull(Normalize.mac("80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:bc:de"), "InfiniBand is not a 48-bit MAC");
        assertNull(Normalize.mac(""));
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

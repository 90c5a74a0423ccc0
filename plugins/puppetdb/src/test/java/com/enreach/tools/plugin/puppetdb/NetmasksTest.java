package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetmasksTest {

    @Test
    void dottedAndColonMasksGiveTheirPrefix() {
        assertEquals(24, Netmasks.prefixLength("255.255.255.0"));
        assertEquals(32, Netmasks.prefixLength("255.255.255.255"));
        assertEquals(0, Netmasks.prefixLength("0.0.0.0"));
        assertEquals(21, Netmasks.prefixLength("255.255.248.0"));
        assertEquals(64, Netmasks.prefixLength("ffff:ffff:ffff:ffff::"));
        assertEquals(128, Netmasks.prefixLength("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertEquals(56, Netmasks.prefixLength("FFFF:FFFF:FFFF:FF00::"));
    }

    @Test
    void anythingElseIsRejectedWithoutALookup() {
        assertEquals(-1, Netmasks.prefixLength("255.0.255.0"));
        assertEquals(-1, Netmasks.prefixLength("24"));
        assertEquals(-1, Netmasks.prefixLength("/24"));
        assertEquals(-1, Netmasks.prefixLength("localhost"));
        assertEquals(-1, Netmasks.prefixLength("ffff::ffff"));
        assertEquals(-1, Netmasks.prefixLength(""));
        assertEquals(-1, Netmasks.prefixLength(null));
        assertEquals(-1, Netmasks.prefixLength("300.255.255.0"));
    }

    @Test
    void loopbackAndLinkLocalAreNoise() {
        assertTrue(Netmasks.isNoise("127.0.0.1"));
        assertTrue(Netmasks.isNoise("::1"));
        assertTrue(Netmasks.isNoise("fe80::1"));
        assertTrue(Netmasks.isNoise("FEBF::1"));
        assertFalse(Netmasks.isNoise("fec0::1"));
        assertFalse(Netmasks.isNoise("10.0.0.1"));
        assertFalse(Netmasks.isNoise("2001:db8::1"));
    }
}

package com.enreach.tools.netbox.writer.mapping;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class AddressesTest {
    @Test
    void macsInAnyNotationBecomeNetBoxSpelling() {
        assertEquals("AA:BB:CC:00:11:22", Addresses.mac("aa-bb-cc-00-11-22"));
        assertEquals("AA:BB:CC:00:11:22", Addresses.mac("aabb.cc00.1122"));
        assertEquals("AA:BB:CC:00:11:22", Addresses.mac("aabbcc001122"));
        assertNull(Addresses.mac("aa:bb:cc:00:11"));
        assertNull(Addresses.mac("zz:bb:cc:00:11:22"));
    }

    @Test
    void ipsNeedAPrefixAndAreNeverResolved() {
        assertNull(Addresses.problem("10.0.0.1/24"));
        assertNull(Addresses.problem("2001:db8::1/64"));
        assertNotNull(Addresses.problem("10.0.0.1"));
        assertNotNull(Addresses.problem("10.0.0.256/24"));
        assertNotNull(Addresses.problem("10.0.0.1/33"));
        assertNotNull(Addresses.problem("localhost/8"));
        assertEquals("2001:db8::1", Addresses.host("2001:DB8:0:0:0:0:0:1/64"));
        assertEquals("10.0.0.1", Addresses.host("10.0.0.1/24"));
        assertNull(Addresses.host("web01.example.com"));
    }

    @Test
    void slugsFollowNetBox() {
        assertEquals("ams-1-dc", Slugs.slugify(" AMS 1 — DC "));
        assertEquals("dell-poweredge-r740", Slugs.slugify("Dell PowerEdge R740"));
        assertEquals("zurich", Slugs.slugify("Zürich"));
        assertEquals(100, Slugs.slugify("x".repeat(150)).length());
    }
}

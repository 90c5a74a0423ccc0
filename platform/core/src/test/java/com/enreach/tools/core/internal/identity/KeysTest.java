package com.enreach.tools.core.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void vmwareBiosUuidAndSmbiosByteOrderGiveOneKey() {
        // vCenter's config.uuid and the guest's dmi.product.uuid of the same VM: first three groups byte-swapped
        String vcenter = "4237A1B2-C3D4-E5F6-0718-293A4B5C6D7E";
        String guest = "b2a13742-d4c3-f6e5-0718-293a4b5c6d7e";
        assertEquals(Keys.systemUuid(vcenter), Keys.systemUuid(guest));
        assertEquals(Keys.systemUuid("{4237a1b2c3d4e5f60718293a4b5c6d7e}"), Keys.systemUuid(guest));
        assertNotEquals(Keys.systemUuid(vcenter), Keys.systemUuid("4237a1b2-c3d4-e5f6-0718-293a4b5c6d7f"));
        assertNull(Keys.systemUuid("00000000-0000-0000-0000-000000000000"));
        assertNull(Keys.systemUuid("03000200-0400-0500-0006-000700080009"));
        assertNull(Keys.systemUuid("not-a-uuid"));
    }

    @Test
    void macFormatsNormaliseAndPlaceholdersAreDropped() {
        assertEquals("00:50:56:ab:cd:ef", Keys.mac("00-50-56-AB-CD-EF"));
        assertEquals("00:50:56:ab:cd:ef", Keys.mac("0050.56ab.cdef"));
        assertEquals("00:50:56:ab:cd:ef", Keys.mac("005056abcdef"));
        assertEquals("00:50:56:0b:0c:0f", Keys.mac("0:50:56:b:c:f"));
        assertNull(Keys.mac("00:00:00:00:00:00"));
        assertNull(Keys.mac("01:00:5e:00:00:01"), "multicast");
        assertNull(Keys.mac("ff:ff:ff:ff:ff:ff"));
        assertNull(Keys.mac("garbage"));
    }

    @Test
    void serialPlaceholdersIdentifyNothing() {
        assertEquals("CZ1234ABCD", Keys.serial(" cz1234abcd "));
        assertEquals("VMWARE-42 37 A1 B2", Keys.serial("VMware-42 37  a1 b2"));
        for (String junk : new String[] {"", "0", "None", "To Be Filled By O.E.M.", "Not Specified", "0000000000", "XXXXXXX", "Default string"}) {
            assertNull(Keys.serial(junk), junk);
        }
    }

    @Test
    void namesAreLowerCaseWithoutTrailingDotAndShortNamesDropTheDomain() {
        assertEquals("web01.prod.example.com", Keys.fqdn("WEB01.Prod.Example.com."));
        assertNull(Keys.fqdn("web01"));
        assertNull(Keys.fqdn("10.0.0.1"));
        assertNull(Keys.fqdn("localhost.localdomain"));
        assertEquals("web01", Keys.hostname("WEB01.prod.example.com"));
        assertNull(Keys.hostname("10.0.0.1"));
        assertNull(Keys.hostname("localhost"));
        assertEquals("10.0.0.1", Keys.ip("10.0.0.1/24"));
        assertNull(Keys.ip("127.0.0.1"));
        assertNull(Keys.ip("fe80::1"));
    }
}

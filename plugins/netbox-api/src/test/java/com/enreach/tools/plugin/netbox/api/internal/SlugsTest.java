package com.enreach.tools.plugin.netbox.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void slugifyLikeNetBox() {
        assertEquals("dc-west-1", Slugs.slugify("DC West 1"));
        assertEquals("ubuntu-2204-lts", Slugs.slugify("Ubuntu 22.04 LTS"));
        assertEquals("dell-inc", Slugs.slugify("Dell Inc."));
        assertEquals("zurich", Slugs.slugify("Zürich"));
        assertEquals("a_b-c", Slugs.slugify("  a_b -- c  "));
    }

    @Test
    void idsAreStablePositiveAndDependOnKind() {
        long id = Slugs.id("dcim.site", "dc-west");
        assertEquals(id, Slugs.id("dcim.site", "dc-west"));
        assertTrue(id > 0 && id <= Integer.MAX_VALUE);
        assertNotEquals(id, Slugs.id("dcim.devicerole", "dc-west"));
    }
}

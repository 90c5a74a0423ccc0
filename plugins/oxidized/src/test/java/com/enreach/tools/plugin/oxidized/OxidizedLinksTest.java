package com.enreach.tools.plugin.oxidized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** Links to node pages of oxidized-web. */
class OxidizedLinksTest {

    @Test
    void fetchedNodesLinkToTheirPageByBareNameEncoded() throws Exception {
        try (OxidizedDouble ox = new OxidizedDouble()) {
            OxidizedConnector c = new OxidizedConnector(new HashMap<>(ox.cfg()));
            CollectingSink sink = new CollectingSink();
            c.fetch(new TestContext("oxidized-test"), sink);
            String base = ox.url().replaceAll("/$", "");
            assertEquals(base + "/node/show/core-sw-01.example.net", link(c, sink, OxidizedDouble.CORE_SW));
            assertEquals(base + "/node/show/edge-fw", link(c, sink, "edge-fw"));
            assertEquals(base + "/node/show/Z%C3%BCrich%20Access%201", link(c, sink, "Campus Süd/Zürich Access 1"));
            assertEquals(base + "/node/show/rtr%2F01", link(c, sink, "lab/rtr/01"), "a slash in the name stays inside the segment");
            assertEquals(base + "/node/show/edge-fw", c.objectUrl(EntityKinds.DEVICE_CONFIG, "edge-fw", Map.of()), "a config links to its node");
        }
    }

    private static String link(OxidizedConnector c, CollectingSink sink, String sourceId) {
        return c.objectUrl(DeviceTypes.NETWORK_DEVICE, sourceId, sink.devices.get(sourceId).metadata());
    }

    @Test
    void aHashInTheNameIsEncodedAndTheProxyPasswordNeverAppears() {
        OxidizedConnector c = new OxidizedConnector(Map.of("url", "https://ox.example.com/oxidized/", "username", OxidizedDouble.USERNAME,
                ".password", OxidizedDouble.PASSWORD));
        String url = c.objectUrl(DeviceTypes.NETWORK_DEVICE, "sw#1", Map.of());
        assertEquals("https://ox.example.com/oxidized/node/show/sw%231", url);
        assertFalse(url.contains(OxidizedDouble.PASSWORD) || url.contains(OxidizedDouble.USERNAME));
    }

    @Test
    void noLinkWithoutAUrl() {
        assertNull(new OxidizedConnector(Map.of()).objectUrl(DeviceTypes.NETWORK_DEVICE, "sw1", Map.of()));
    }
}

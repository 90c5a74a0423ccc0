package com.enreach.tools.plugin.foreman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** Links to host pages in the Foreman web UI. */
class ForemanLinksTest {

    private static ForemanConnector connector(String url) {
        Map<String, Object> cfg = new HashMap<>(Map.of("username", "svc", ".password", "Hunter2!"));
        if (url != null) {
            cfg.put("url", url);
        }
        return new ForemanConnector(cfg);
    }

    @Test
    void aFetchedHostLinksToItsPageByName() throws Exception {
        try (ForemanDouble foreman = new ForemanDouble()) {
            CollectingSink sink = new CollectingSink();
            ForemanConnector c = new ForemanConnector(new HashMap<>(foreman.cfg()));
            c.fetch(new TestContext("foreman-test"), sink);
            String base = foreman.cfg().get("url").toString().replaceAll("/api(/v2)?/?$|/$", "");
            assertEquals(base + "/hosts/web01.example.com", c.objectUrl(DeviceTypes.SERVER, "11", sink.devices.get("11").metadata()));
        }
    }

    @Test
    void theNameIsOneEncodedSegmentAndTheApiPathIsDropped() {
        ForemanConnector c = connector("https://foreman.example.com/api/v2");
        assertEquals("https://foreman.example.com/hosts/db%2301%20a.m%C3%BCnchen.example.com",
                c.objectUrl(DeviceTypes.VM, "7", Map.of(IdentityKeys.FQDN, "db#01 a.münchen.example.com")));
    }

    @Test
    void withoutAStoredNameTheNumericIdIsUsed() {
        assertEquals("https://foreman.example.com/hosts/42", connector("https://foreman.example.com").objectUrl(DeviceTypes.SERVER, "42", Map.of()));
    }

    @Test
    void noCredentialsInTheLinkAndNoLinkWithoutAUrl() {
        String url = connector("https://svc:Hunter2!@foreman.example.com").objectUrl(DeviceTypes.SERVER, "42", Map.of());
        assertEquals("https://foreman.example.com/hosts/42", url);
        assertFalse(url.contains("Hunter2"));
        assertNull(connector(null).objectUrl(DeviceTypes.SERVER, "42", Map.of()));
    }
}

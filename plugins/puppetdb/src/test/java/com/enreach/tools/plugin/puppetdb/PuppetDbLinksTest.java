package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceTypes;

/** Links to a node: PuppetDB's node object, or Puppetboard's node page when ui.url is set. */
class PuppetDbLinksTest {

    private static PuppetDbConnector connector(String... keyValues) {
        Map<String, Object> cfg = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cfg.put(keyValues[i], keyValues[i + 1]);
        }
        return new PuppetDbConnector(cfg, name -> "secret-token");
    }

    @Test
    void withoutAUiTheNodeObjectOfTheQueryApi() {
        assertEquals("https://puppetdb.example.com:8081/pdb/query/v4/nodes/web01.example.com",
                connector("url", "https://puppetdb.example.com:8081/").objectUrl(DeviceTypes.SERVER, "web01.example.com", Map.of()));
    }

    @Test
    void withPuppetboardItsNodePage() {
        PuppetDbConnector c = connector("url", "http://127.0.0.1:8080", "ui.url", "https://board.example.com/puppet/");
        assertEquals(List.of(), c.validate());
        assertEquals("https://board.example.com/puppet/node/web01.example.com", c.objectUrl(DeviceTypes.SERVER, "web01.example.com", Map.of()));
    }

    @Test
    void theCertnameIsOneEncodedSegment() {
        assertEquals("http://pdb:8080/pdb/query/v4/nodes/db%2301%20%C3%BC%2Fx",
                connector("url", "http://pdb:8080").objectUrl(DeviceTypes.SERVER, "db#01 ü/x", Map.of()));
    }

    @Test
    void noCredentialsOrTokenInTheLink() {
        PuppetDbConnector c = connector("url", "https://admin:Hunter2!@pdb.example.com", "ui.url", "https://u:pw@board.example.com",
                "token.env", "PDB_TOKEN");
        String url = c.objectUrl(DeviceTypes.SERVER, "n1", Map.of());
        assertEquals("https://board.example.com/node/n1", url);
        assertFalse(url.contains("Hunter2") || url.contains("pw") || url.contains("secret-token"));
    }

    @Test
    void noLinkWithoutAUrlAndABadUiUrlIsAFieldError() {
        assertNull(connector().objectUrl(DeviceTypes.SERVER, "n1", Map.of()));
        PuppetDbConnector bad = connector("url", "http://pdb:8080", "ui.url", "board.example.com");
        assertEquals(List.of("ui.url:invalid"), bad.validate().stream().map(e -> e.field() + ":" + e.code()).toList());
        assertEquals("http://pdb:8080/pdb/query/v4/nodes/n1", bad.objectUrl(DeviceTypes.SERVER, "n1", Map.of()));
    }
}

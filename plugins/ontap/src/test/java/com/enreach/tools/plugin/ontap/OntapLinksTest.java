package com.enreach.tools.plugin.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** ONTAP objects link to their REST object URL, the self link ONTAP itself gives them. */
class OntapLinksTest {

    @Test
    void fetchedObjectsLinkToTheirRestObjects() throws Exception {
        try (OntapDouble ontap = new OntapDouble()) {
            OntapConnector c = new OntapConnector(new HashMap<>(ontap.cfg()));
            CollectingSink sink = new CollectingSink();
            c.fetch(new TestContext("ontap-test"), sink);
            String base = ontap.url().replaceAll("/api/?$|/$", "");
            assertEquals(base + "/api/cluster", link(c, sink, OntapConnectorTest.CLUSTER));
            assertEquals(base + "/api/cluster/nodes/" + OntapConnectorTest.NODE1, link(c, sink, OntapConnectorTest.NODE1));
            assertEquals(base + "/api/storage/aggregates/" + OntapConnectorTest.AGGR1, link(c, sink, OntapConnectorTest.AGGR1));
            DeviceRecord svm = sink.devicesOfType(DeviceMapper.STORAGE_VM).get(0);
            assertEquals(base + "/api/svm/svms/" + svm.sourceId(), c.objectUrl(svm.type(), svm.sourceId(), svm.metadata()));
            String vol = OntapConnectorTest.VOL1;
            assertEquals(base + "/api/storage/volumes/" + vol,
                    c.objectUrl(EntityKinds.STORAGE_VOLUME, vol, sink.volumes.get(vol).metadata()));
            assertEquals(base + "/api/storage/qtrees/" + vol + "/1",
                    c.objectUrl(EntityKinds.STORAGE_VOLUME, vol + "/1", sink.volumes.get(vol + "/1").metadata()));
        }
    }

    private static String link(OntapConnector c, CollectingSink sink, String sourceId) {
        DeviceRecord d = sink.devices.get(sourceId);
        return c.objectUrl(d.type(), d.sourceId(), d.metadata());
    }

    @Test
    void idsAreEncodedAndCredentialsNeverAppear() {
        OntapConnector c = new OntapConnector(Map.of("url", "https://admin:" + OntapDouble.PASSWORD + "@cl01.example.com/api",
                "username", "monitor", ".password", OntapDouble.PASSWORD));
        String url = c.objectUrl(EntityKinds.STORAGE_VOLUME, "vol #1 ü", Map.of());
        assertEquals("https://cl01.example.com/api/storage/volumes/vol%20%231%20%C3%BC", url);
        assertFalse(url.contains("admin") || url.contains("S3cr3t"), url);
    }

    @Test
    void noLinkWithoutAUrlOrForAnUnknownKind() {
        assertNull(new OntapConnector(Map.of("username", "u", ".password", "p")).objectUrl(DeviceTypes.STORAGE_POOL, "x", Map.of()));
        assertNull(new OntapConnector(Map.of("url", "https://cl01", "username", "u", ".password", "p")).objectUrl(DeviceTypes.VM, "x", Map.of()));
    }
}

package com.enreach.tools.plugin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

class DemoConnectorTest {

    private static CollectingSink run(Map<String, Object> cfg, String state) throws Exception {
        CollectingSink sink = new CollectingSink();
        new DemoConnector(cfg).fetch(new TestContext("demo-test", state, 1), sink);
        return sink;
    }

    @Test
    void generatesTheConfiguredSizeWithEveryKindAndResolvableRelationships() throws Exception {
        CollectingSink sink = run(Map.of("size", "2000"), null);
        assertEquals(2000, sink.devices.size());
        for (String type : new String[] {DeviceTypes.VM, DeviceTypes.SERVER, DeviceTypes.NETWORK_DEVICE, DeviceTypes.STORAGE, DeviceTypes.CLUSTER}) {
            assertFalse(sink.devicesOfType(type).isEmpty(), type);
        }
        sink.relationships.forEach(r -> {
            assertTrue(sink.devices.containsKey(r.fromSourceId()), r.toString());
            assertTrue(sink.devices.containsKey(r.toSourceId()), r.toString());
        });
        assertEquals(sink.devicesOfType(DeviceTypes.NETWORK_DEVICE).size(), sink.configs.size());
        assertEquals("generation=1", sink.state);
    }

    @Test
    void sameSeedSameEstateAndChurnOnlyTouchesAFewDevices() throws Exception {
        CollectingSink a = run(Map.of("size", "1000", "churn.percent", "0"), null);
        CollectingSink b = run(Map.of("size", "1000", "churn.percent", "0"), "generation=7");
        for (DeviceRecord d : a.devices.values()) {
            assertEquals(d.metadata(), b.devices.get(d.sourceId()).metadata(), d.sourceId());
        }
        CollectingSink c = run(Map.of("size", "1000", "churn.percent", "5"), "generation=1");
        CollectingSink d = run(Map.of("size", "1000", "churn.percent", "5"), "generation=2");
        long changed = c.devices.values().stream().filter(x -> !x.metadata().equals(d.devices.get(x.sourceId()).metadata())).count();
        assertTrue(changed > 0 && changed < 150, "changed " + changed);
        assertNotEquals(run(Map.of("size", "100", "seed", "1"), null).devices.get("vm-0").name(),
                run(Map.of("size", "100", "seed", "2"), null).devices.get("vm-0").name());
    }

    @Test
    void uptimeIsDeclaredVolatileAndChurnedServersStillReallyChange() throws Exception {
        CollectingSink c = run(Map.of("size", "1000", "churn.percent", "5"), "generation=1");
        CollectingSink d = run(Map.of("size", "1000", "churn.percent", "5"), "generation=2");
        long really = 0;
        for (DeviceRecord server : c.devicesOfType(DeviceTypes.SERVER)) {
            assertEquals(java.util.Set.of("uptime_days"), server.volatileKeys(), server.sourceId());
            Map<String, Object> before = new java.util.HashMap<>(server.metadata());
            Map<String, Object> after = new java.util.HashMap<>(d.devices.get(server.sourceId()).metadata());
            before.keySet().removeAll(server.volatileKeys());
            after.keySet().removeAll(server.volatileKeys());
            really += before.equals(after) ? 0 : 1;
        }
        assertTrue(really > 0, "churn changes servers beyond their uptime");
    }

    @Test
    void invalidConfigurationIsReportedPerField() {
        DemoConnector c = new DemoConnector(Map.of("size", "lots", "churn.percent", "300"));
        assertEquals(2, c.validate().size());
        assertEquals("size", c.validate().get(0).field());
        assertEquals("churn.percent", c.validate().get(1).field());
    }

    @Test
    void faultDrillThrowsMidStreamAfterEmittingSome() {
        CollectingSink sink = new CollectingSink();
        DemoConnector c = new DemoConnector(Map.of("size", "1000", "fault.after", "300"));
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> c.fetch(new TestContext("demo-x"), sink));
        assertEquals("fault.after", e.field());
        assertEquals(300, sink.devices.size());
        assertEquals(null, sink.state);
    }
}

package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

import com.enreach.tools.api.SyncService;
import com.fasterxml.jackson.databind.JsonNode;

/** The core configuration file (etc/enreach.core.cfg) reaches the sync engine through FileInstall and ConfigAdmin. */
public class CoreConfigIT extends PlatformTestSupport {

    @Test
    public void theCoreConfigurationFileSetsTheDeleteBudgetInstancesInherit() {
        writeConfig("source.demo-budget.cfg", "size=2000\nseed=5\nchurn.percent=0\n");
        awaitLive("demo-budget");
        JsonNode first = sync("demo-budget");
        assertEquals(first.toString(), "succeeded", first.path("status").asText());

        // with the default budget (10%) losing 40% of the devices needs confirmation
        writeConfig("source.demo-budget.cfg", "size=1200\nseed=5\nchurn.percent=0\n");
        awaitSource("demo-budget", "to show size=1200", s -> s.path("present").asBoolean() && "1200".equals(s.at("/config/size").asText()));
        JsonNode held = sync("demo-budget");
        assertEquals(held.toString(), "needs_confirmation", held.path("status").asText());

        long before = syncServiceId();
        writeConfig("enreach.core.cfg", "delete.budget.percent=50\n");
        await("the sync engine to restart with its new configuration", CHANGE, this::syncServiceId, id -> id != before && id != -1);
        awaitLive("demo-budget");
        JsonNode shrunk = sync("demo-budget");
        assertEquals(shrunk.toString(), "succeeded", shrunk.path("status").asText());
        assertEquals(800, shrunk.path("stale").asLong());
    }

    private long syncServiceId() {
        ServiceReference<SyncService> ref = bundleContext.getServiceReference(SyncService.class);
        return ref == null ? -1 : (Long) ref.getProperty("service.id");
    }
}

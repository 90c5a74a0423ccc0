package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;
import com.fasterxml.jackson.databind.JsonNode;

/** Identity resolution runs inside the real container: a sync's observations become entities without anything else. */
public class IdentityIT extends PlatformTestSupport {

    @Test
    public void aSyncResolvesItsObservationsIntoEntities() {
        writeConfig("source.demo-ident.cfg", "size=300\nseed=11\nchurn.percent=0\n");
        awaitLive("demo-ident");
        JsonNode run = sync("demo-ident");
        assertEquals(run.toString(), "succeeded", run.path("status").asText());
        ServiceReference<EntityService> ref = bundleContext.getServiceReference(EntityService.class);
        assertTrue("EntityService is registered", ref != null);
        EntityService entities = bundleContext.getService(ref);
        long devices = count("source_instance=demo-ident");
        // one source instance: its own ids are authoritative, so every observation is an entity of its own
        var page = entities.find(new EntityQuery(null, null, "demo-ident", null, null, null, 5, 0));
        assertEquals(devices, page.count());
        EntityDetail detail = entities.get(page.results().get(0).id()).orElseThrow();
        assertEquals(1, detail.observations().size());
        assertEquals("source-id", detail.observations().get(0).rule());
        assertTrue(entities.lookup(detail.observations().get(0).device().name()).candidates().stream().anyMatch(e -> e.id() == detail.entity().id()));
        bundleContext.ungetService(ref);
    }
}

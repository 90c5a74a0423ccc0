package com.enreach.tools.plugin.netbox.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.inventory.Entity;

class InventoryTest {
    @Test
    void entityRowsAreReadInPagesOfAThousandAndReusedWithinTheCacheTime() {
        FakeEntities entities = new FakeEntities();
        for (int i = 0; i < 2500; i++) {
            entities.add(i + 1, String.format("host-%05d", i), "server", null, "active");
        }
        Inventory inventory = new Inventory(entities, Clock.systemUTC(), Duration.ofMinutes(1));
        List<Entity> all = inventory.snapshot().all();
        assertEquals(2500, all.size());
        assertEquals("host-00000", all.get(0).name());
        assertEquals("host-02499", all.get(2499).name());
        assertEquals(3, entities.finds.get());
        assertEquals(0, entities.gets.get(), "the rows need no details");
        inventory.snapshot();
        inventory.host(7);
        inventory.host(7);
        assertEquals(3, entities.finds.get());
        assertEquals(1, entities.gets.get());
    }
}

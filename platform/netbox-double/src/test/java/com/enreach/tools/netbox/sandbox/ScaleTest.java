package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 10k devices, as the benchmarks use: bulk creates, paging through all of them, indexed filters answer the right objects. */
class ScaleTest {
    @Test
    void tenThousandDevicesPageAndFilterCorrectly() {
        Nb nb = new Nb();
        long[] b = nb.basics();
        long site2 = nb.create("dcim/sites", Map.of("name", "DC Two", "slug", "dc-two"));
        nb.create("extras/custom-fields", Map.of("name", "enreach_entity_id", "type", "integer", "object_types", List.of("dcim.device")));
        long t0 = System.nanoTime();
        for (int batch = 0; batch < 100; batch++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                items.add(Map.of("name", "dev" + n, "site", n % 2 == 0 ? b[0] : site2, "role", b[1], "device_type", b[3],
                        "custom_fields", Map.of("enreach_entity_id", n)));
            }
            assertEquals(201, nb.post("/api/dcim/devices/", items).status());
        }
        long t1 = System.nanoTime();
        Set<String> names = new HashSet<>();
        String next = "/api/dcim/devices/?limit=1000";
        while (next != null) {
            JsonNode page = nb.get(next).json();
            page.get("results").forEach(d -> names.add(d.get("name").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText().substring(Nb.BASE.length());
        }
        long t2 = System.nanoTime();
        assertEquals(10_000, names.size());
        assertEquals(5_000, nb.get("/api/dcim/devices/?site_id=" + site2 + "&limit=1").json().get("count").asInt());
        for (int i = 0; i < 1000; i++) {
            JsonNode one = nb.get("/api/dcim/devices/?name=dev" + i + "&site=" + (i % 2 == 0 ? "dc-one" : "dc-two")).json();
            assertEquals(1, one.get("count").asInt());
            assertEquals(i, one.at("/results/0/custom_fields/enreach_entity_id").asInt());
        }
        long t3 = System.nanoTime();
        System.out.printf("NetBox double, 10k devices: bulk create %d ms, paging %d ms, 1000 filtered reads %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}

package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inventory routes in the real container, over HTTP with the real services (identity resolution, golden
 * records): paging links, lookup, merge and split recorded with the token's name, strict bodies, overrides, roles.
 * Needs the core's EntityService and ConflictService.
 */
public class InventoryRestIT extends PlatformTestSupport {
    private static final String INSTANCE = "demo-invrest";

    @Test
    public void entitiesCanBeListedLookedUpMergedSplitAndOverriddenThroughRest() {
        writeConfig("source." + INSTANCE + ".cfg", "size=120\nseed=5\nchurn.percent=0\n");
        awaitLive(INSTANCE);
        JsonNode run = sync(INSTANCE);
        assertEquals(run.toString(), "succeeded", run.path("status").asText());
        String operator = api.post("/api/tokens", admin, "{\"name\": \"ops-ci\", \"role\": \"operator\"}").at("/secret").asText();
        String viewer = api.post("/api/tokens", admin, "{\"name\": \"viewer-ci\", \"role\": \"viewer\"}").at("/secret").asText();

        Api.Reply page = api.get("/api/entities?source=" + INSTANCE + "&limit=2&sort=name", viewer);
        assertEquals(page.toString(), 200, page.status());
        assertTrue(page.toString(), page.at("/count").asLong() > 2);
        assertTrue(page.toString(), page.at("/next").asText().contains("offset=2"));
        long a = page.at("/results/0/id").asLong();
        long b = page.at("/results/1/id").asLong();
        String name = page.at("/results/0/name").asText();

        Api.Reply lookup = api.get("/api/entities/lookup?q=" + enc(name), viewer);
        assertEquals(lookup.toString(), 200, lookup.status());
        assertTrue(lookup.toString(), lookup.at("/candidates").findValues("id").stream().anyMatch(id -> id.asLong() == a));
        assertEquals(404, api.get("/api/entities/lookup?q=no-such-thing-anywhere", viewer).status());
        assertEquals(400, api.get("/api/entities?sort=size", viewer).status());
        assertEquals(405, api.get("/api/entities/merge", viewer).status());

        String merge = "{\"entity_ids\": [" + a + ", " + b + "], \"reason\": \"same box (IT)\"}";
        assertEquals("a viewer may not merge", 403, api.post("/api/entities/merge", viewer, merge).status());
        Api.Reply strict = api.post("/api/entities/merge", operator, "{\"entity_ids\": [" + a + ", " + b + "], \"reason\": \"x\", \"why\": 1}");
        assertEquals(strict.toString(), 400, strict.status());
        assertEquals("why", strict.at("/error/field").asText());
        Api.Reply merged = api.post("/api/entities/merge", operator, merge);
        assertEquals(merged.toString(), 200, merged.status());
        assertEquals(Math.min(a, b), merged.at("/id").asLong());
        assertEquals(2, merged.at("/observation_count").asInt());

        Api.Reply decisions = api.get("/api/entities/decisions", viewer);
        assertEquals(decisions.toString(), "merge", decisions.at("/results/0/action").asText());
        assertEquals("the actor is the token's name", "ops-ci", decisions.at("/results/0/actor").asText());

        JsonNode detail = api.get("/api/entities/" + merged.at("/id").asLong(), viewer).json();
        long device = detail.at("/observations/1/device/id").asLong();
        Api.Reply split = api.post("/api/entities/" + merged.at("/id").asLong() + "/split", operator,
                "{\"device_ids\": [" + device + "], \"reason\": \"not the same after all (IT)\"}");
        assertEquals(split.toString(), 201, split.status());
        assertTrue(split.toString(), split.at("/id").asLong() != merged.at("/id").asLong());

        Api.Reply override = api.send("PUT", "/api/entities/" + a + "/overrides/site", Api.authorization(operator),
                "{\"value\": \"Bern\", \"reason\": \"moved (IT)\"}");
        assertEquals(override.toString(), 200, override.status());
        assertEquals("manual", override.at("/rule").asText());
        assertEquals("Bern", api.get("/api/entities/" + a, viewer).json().path("entity").path("site").asText());
        assertEquals(200, api.delete("/api/entities/" + a + "/overrides/site", operator).status());
        assertEquals(403, api.post("/api/entities/rebuild", operator).status());
    }
}

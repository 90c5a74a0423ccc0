package com.enreach.tools.core.internal.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.db.Json;

/**
 * A NetBox source mirrors what the NetBox writer wrote: unless a rule names it, it must never win over a real source,
 * even when it was read after it (which "newest first" among unnamed sources would otherwise let it).
 */
class MirrorSourcesTest {

    private static Observation obs(long deviceId, String system, String instance, String name, String seen) {
        return new Observation(1, deviceId, name, "vm", system, instance, true, seen, Map.of());
    }

    private static GoldenRow name(List<Observation> observations, RuleSet rules) {
        return Chooser.choose(1, observations, rules, Map.of()).stream()
                .filter(r -> r.attribute().equals(Attributes.NAME)).findFirst().orElseThrow();
    }

    @Test
    void anUnnamedNetBoxSourceComesAfterEveryOtherSourceEvenWhenNewer() {
        List<Observation> observations = List.of(
                obs(1, "foreman", "foreman-prod", "web01", "2026-11-01T10:00:00.000Z"),
                obs(2, "netbox", "netbox-prod", "web01-old-name", "2026-11-02T10:00:00.000Z"));
        GoldenRow row = name(observations, RuleSet.defaults()); // name: priority [*vcenter*], neither is named
        assertEquals(Json.write("web01"), row.value());
        assertEquals("foreman-prod", row.sourceInstance());
        assertEquals("newest", row.rule());
    }

    @Test
    void aNetBoxSourceStillWinsWhereARuleNamesIt() {
        RulesParser.Result parsed = RulesParser.parse("{\"attributes\": {\"name\": {\"strategy\": \"priority\", \"priority\": [\"*netbox*\"]}}}");
        assertEquals(List.of(), parsed.errors());
        List<Observation> observations = List.of(
                obs(1, "foreman", "foreman-prod", "web01", "2026-11-02T10:00:00.000Z"),
                obs(2, "netbox", "netbox-prod", "web01-curated", "2026-11-01T10:00:00.000Z"));
        GoldenRow row = name(observations, parsed.rules());
        assertEquals(Json.write("web01-curated"), row.value());
        assertEquals("priority:1", row.rule());
    }

    @Test
    void aNetBoxSourceAloneStillGivesItsValue() {
        GoldenRow row = name(List.of(obs(2, "netbox", "netbox-prod", "only-in-netbox", "2026-11-01T10:00:00.000Z")), RuleSet.defaults());
        assertEquals(Json.write("only-in-netbox"), row.value());
        assertEquals("only-source", row.rule());
    }
}

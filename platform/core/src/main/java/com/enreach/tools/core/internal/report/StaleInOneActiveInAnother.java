package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/**
 * Entities one source instance no longer sees (its observation is stale) while another still does: one row per
 * stale observation. Gone from vCenter but still in Foreman, or a node PuppetDB deactivated that still runs.
 */
final class StaleInOneActiveInAnother extends Report {
    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("stale-in-one-active-in-another", "Stale in one source, active in another",
                "Entities with a stale observation in one source instance and an active one in another; one row per stale observation.",
                List.of(param("source", "only stale observations of these sources (globs on source system or instance)", "*")));
    }

    @Override
    List<String> columns() {
        return List.of("stale_source", "stale_object", "stale_since", "active_sources");
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        String cross = p.cross();
        return new Sql().add("SELECT l.entity_id AS entity_id, d.id AS device_id, e.name AS name FROM devices d " + cross + " entity_links l ON l.device_id = d.id"
                        + " " + cross + " entities e ON e.id = l.entity_id WHERE d.status = 'stale' AND ").add(p.from(p.pattern("source"), "d"))
                .add(" AND EXISTS (SELECT 1 FROM entity_links l2 " + cross + " devices d2 ON d2.id = l2.device_id WHERE l2.entity_id = l.entity_id"
                        + " AND d2.status <> 'stale' AND d2.source_instance <> d.source_instance)");
    }

    @Override
    String order(ReportParams p) {
        return p.nocase("f.name") + ", f.entity_id, f.device_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("sd.source_instance AS stale_source, sd.name AS stale_object, sds.last_seen AS stale_since, ")
                .add(instances(p, "f.entity_id", new Sql().add("d.status <> 'stale' AND d.source_instance <> sd.source_instance"))).add(" AS active_sources");
    }

    @Override
    Sql joins(ReportParams p, ReportSettings s) {
        return new Sql().add(" JOIN devices sd ON sd.id = f.device_id JOIN device_seen sds ON sds.device_id = sd.id");
    }
}

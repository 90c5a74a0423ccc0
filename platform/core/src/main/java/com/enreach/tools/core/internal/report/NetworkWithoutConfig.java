package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/** Network devices with no configuration version from a configuration source (Oxidized-like) among their active observations. */
final class NetworkWithoutConfig extends Report {
    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("network-without-config", "Network devices without a configuration",
                "Active network entities none of whose active observations from a configuration source has a configuration version"
                        + " (retrieved within N days, when days is more than 0).",
                List.of(param("types", "entity types that are network devices, comma-separated", String.join(",", s.networkTypes())),
                        param("configs_source", "configuration sources (globs on source system or instance)", s.configs().toString()),
                        param("days", "only versions retrieved within this many days count; 0 for any age", "0")));
    }

    @Override
    List<String> columns() {
        return List.of("known_to_configs_source", "last_config_at", "sources");
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        String cross = p.cross();
        Sql sql = new Sql().add("SELECT e.id AS entity_id, e.name AS name FROM entities e WHERE e.status = 'active' AND e.type IN ").in(p.types("types"))
                .add(" AND NOT EXISTS (SELECT 1 FROM entity_links l " + cross + " devices d ON d.id = l.device_id " + cross + " device_configs c ON c.device_id = d.id"
                        + " WHERE l.entity_id = e.id AND d.status <> 'stale' AND ").add(p.filter(p.pattern("configs_source"), "d"));
        if (p.days("days") > 0) {
            sql.add(" AND c.retrieved_at >= ?", p.cutoff("days"));
        }
        return sql.add(")");
    }

    @Override
    String order(ReportParams p) {
        return p.nocase("f.name") + ", f.entity_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        SourcePattern configs = p.pattern("configs_source");
        String cross = p.cross();
        return new Sql().add("CASE WHEN EXISTS (SELECT 1 FROM entity_links l " + cross + " devices d ON d.id = l.device_id WHERE l.entity_id = f.entity_id"
                        + " AND d.status <> 'stale' AND ").add(p.filter(configs, "d")).add(") THEN 'yes' ELSE 'no' END AS known_to_configs_source, ")
                .add("(SELECT max(c.retrieved_at) FROM entity_links l " + cross + " devices d ON d.id = l.device_id " + cross + " device_configs c ON c.device_id = d.id"
                        + " WHERE l.entity_id = f.entity_id AND ").add(p.filter(configs, "d")).add(") AS last_config_at, ")
                .add(instances(p, "f.entity_id", new Sql().add("d.status <> 'stale'"))).add(" AS sources");
    }
}

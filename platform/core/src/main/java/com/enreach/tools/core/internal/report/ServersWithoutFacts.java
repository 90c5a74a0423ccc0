package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/**
 * Entities an inventory source (Foreman-like) knows whose facts (PuppetDB-like) are missing or older than N days.
 * An observation's facts time is PuppetDB's {@code facts_timestamp} metadata, else when its facts row was written.
 */
final class ServersWithoutFacts extends Report {
    /** When an observation's facts were taken; text in the stored timestamp form so it compares with the cutoff. */
    private static final String FACTS_AT = "COALESCE(strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(d.metadata, '$.facts_timestamp')), sf.updated_at)";

    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("servers-without-facts", "Servers without recent facts",
                "Active entities that an inventory source knows, with no active observation from a facts source, or whose newest facts are older than N days.",
                List.of(param("days", "facts older than this many days are reported", "7"),
                        param("types", "entity types checked, comma-separated (ESXi hosts, type hypervisor, run no Puppet agent)", "server,vm"),
                        param("inventory_source", "inventory sources (globs on source system or instance)", s.inventory().toString()),
                        param("facts_source", "facts sources (globs on source system or instance)", s.facts().toString())));
    }

    @Override
    List<String> columns() {
        return List.of("reason", "facts_at", "inventory_source", "facts_source");
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        return new Sql().add("SELECT e.id AS entity_id, e.name AS name, count(d.id) AS facts_observations, max(" + FACTS_AT + ") AS facts_at FROM (")
                .add(observedBy(p, p.pattern("inventory_source"))).add(") i CROSS JOIN entities e ON e.id = i.entity_id"
                        + " LEFT JOIN entity_links fl ON fl.entity_id = e.id LEFT JOIN devices d ON d.id = fl.device_id AND d.status <> 'stale' AND ")
                .add(p.filter(p.pattern("facts_source"), "d"))
                .add(" LEFT JOIN server_facts sf ON sf.device_id = d.id WHERE e.status = 'active' AND e.type IN ").in(p.types("types"))
                .add(" GROUP BY e.id HAVING facts_at IS NULL OR facts_at < ?", p.cutoff("days"));
    }

    @Override
    String order() {
        return "f.name COLLATE NOCASE, f.entity_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("CASE WHEN f.facts_observations = 0 THEN 'no_facts_source' WHEN f.facts_at IS NULL THEN 'no_facts'"
                        + " ELSE 'facts_too_old' END AS reason, f.facts_at AS facts_at, ")
                .add(instances("f.entity_id", new Sql().add("d.status <> 'stale' AND ").add(p.filter(p.pattern("inventory_source"), "d")))).add(" AS inventory_source, ")
                .add(instances("f.entity_id", new Sql().add("d.status <> 'stale' AND ").add(p.filter(p.pattern("facts_source"), "d")))).add(" AS facts_source");
    }
}

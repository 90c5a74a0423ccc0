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
                        param("inventory_source", "inventory sources (globs on source system or instance)", s.inventory().toString()),
                        param("facts_source", "facts sources (globs on source system or instance)", s.facts().toString())));
    }

    @Override
    List<String> columns() {
        return List.of("reason", "facts_at", "inventory_source", "facts_source");
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        SourcePattern facts = p.pattern("facts_source");
        return new Sql().add("SELECT * FROM (SELECT e.id AS entity_id, e.name AS name, (SELECT count(*) FROM entity_links l JOIN devices d ON d.id = l.device_id"
                        + " WHERE l.entity_id = e.id AND d.status <> 'stale' AND ").add(facts.sql("d")).add(") AS facts_observations,")
                .add(" (SELECT max(" + FACTS_AT + ") FROM entity_links l JOIN devices d ON d.id = l.device_id LEFT JOIN server_facts sf ON sf.device_id = d.id"
                        + " WHERE l.entity_id = e.id AND d.status <> 'stale' AND ").add(facts.sql("d")).add(") AS facts_at")
                .add(" FROM entities e WHERE e.status = 'active' AND ").add(activeFrom("e.id", p.pattern("inventory_source")))
                .add(") WHERE facts_at IS NULL OR facts_at < ?", p.cutoff("days"));
    }

    @Override
    String order() {
        return "f.name COLLATE NOCASE, f.entity_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("CASE WHEN f.facts_observations = 0 THEN 'no_facts_source' WHEN f.facts_at IS NULL THEN 'no_facts'"
                        + " ELSE 'facts_too_old' END AS reason, f.facts_at AS facts_at, ")
                .add(instances("f.entity_id", new Sql().add("d.status <> 'stale' AND ").add(p.pattern("inventory_source").sql("d")))).add(" AS inventory_source, ")
                .add(instances("f.entity_id", new Sql().add("d.status <> 'stale' AND ").add(p.pattern("facts_source").sql("d")))).add(" AS facts_source");
    }
}

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
    /**
     * {@link #FACTS_AT} on PostgreSQL. SQLite's strftime reads an ISO-8601 time (without an offset: UTC), writes it in
     * UTC, and gives NULL for what it cannot read; a cast to a timestamp would fail the whole report instead, so only
     * text shaped like an ISO-8601 time is cast (SQLite's other forms, such as Julian day numbers, fall back to the
     * facts row's time; a shaped but impossible date, such as February 30, still fails).
     */
    private static final String PG_FACTS_TS = "(CAST(d.metadata AS jsonb) ->> 'facts_timestamp')";
    /** The forms SQLite's strftime reads as text: a date, optionally a time (minutes, seconds, fraction), optionally Z or +HH:MM. */
    private static final String PG_ISO = "'^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)?)?$'";
    /** A time that names its offset (after minutes or seconds, so a date's day is not taken for one). */
    private static final String PG_OFFSET = "':\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$'";
    private static final String PG_FACTS_AT = "COALESCE(CASE WHEN " + PG_FACTS_TS + " ~ " + PG_ISO + " THEN to_char(CASE WHEN " + PG_FACTS_TS + " ~ " + PG_OFFSET
            + " THEN CAST(" + PG_FACTS_TS + " AS timestamptz) ELSE CAST(" + PG_FACTS_TS + " AS timestamp) AT TIME ZONE 'UTC' END"
            + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') END, sf.updated_at)";

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
        String factsAt = "max(" + (p.dialect().postgres() ? PG_FACTS_AT : FACTS_AT) + ")";
        return new Sql().add("SELECT e.id AS entity_id, e.name AS name, count(d.id) AS facts_observations, " + factsAt + " AS facts_at FROM (")
                .add(observedBy(p, p.pattern("inventory_source"))).add(") i " + p.cross() + " entities e ON e.id = i.entity_id"
                        + " LEFT JOIN entity_links fl ON fl.entity_id = e.id LEFT JOIN devices d ON d.id = fl.device_id AND d.status <> 'stale' AND ")
                .add(p.filter(p.pattern("facts_source"), "d"))
                .add(" LEFT JOIN server_facts sf ON sf.device_id = d.id WHERE e.status = 'active' AND e.type IN ").in(p.types("types"))
                // PostgreSQL's HAVING does not see the select list's names
                .add(" GROUP BY e.id HAVING " + (p.dialect().postgres() ? factsAt + " IS NULL OR " + factsAt : "facts_at IS NULL OR facts_at") + " < ?",
                        p.cutoff("days"));
    }

    @Override
    String order(ReportParams p) {
        return p.nocase("f.name") + ", f.entity_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("CASE WHEN f.facts_observations = 0 THEN 'no_facts_source' WHEN f.facts_at IS NULL THEN 'no_facts'"
                        + " ELSE 'facts_too_old' END AS reason, f.facts_at AS facts_at, ")
                .add(instances(p, "f.entity_id", new Sql().add("d.status <> 'stale' AND ").add(p.filter(p.pattern("inventory_source"), "d")))).add(" AS inventory_source, ")
                .add(instances(p, "f.entity_id", new Sql().add("d.status <> 'stale' AND ").add(p.filter(p.pattern("facts_source"), "d")))).add(" AS facts_source");
    }
}

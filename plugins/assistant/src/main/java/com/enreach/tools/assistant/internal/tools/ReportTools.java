package com.enreach.tools.assistant.internal.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityRelation;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.api.inventory.ReportService;

/** backups_missing and run_report, over the coverage reports (docs/reports.md). */
final class ReportTools {
    static final String NO_BACKUP = "vms-without-backup";
    private static final int PAGE = 1000;
    private static final int MAX_ROWS = 50_000;
    private final ReportService reports;
    private final EntityService entities;
    private final EntityTools entityTools;

    ReportTools(ReportService reports, EntityService entities, EntityTools entityTools) {
        this.reports = reports;
        this.entities = entities;
        this.entityTools = entityTools;
    }

    ToolOutcome backupsMissing(Args a) {
        String hostQuery = a.text("host");
        int limit = a.integer("limit", 50, 1, 1000);
        Map<String, String> params = new LinkedHashMap<>();
        String days = a.text("days");
        if (days != null) {
            params.put("days", days);
        }
        String types = a.text("types");
        if (types != null) {
            params.put("types", types);
        }
        Facts facts = new Facts();
        if (hostQuery == null) {
            ReportResult r = run("backups_missing", NO_BACKUP, params, limit, 0);
            Citation rc = Cite.report(r.name(), r.title(), r.total() + " findings");
            facts.fact(r.total() + " " + what(r) + " without a successful backup within " + r.params().get("days")
                    + " days (report " + r.name() + ")" + (r.rows().size() < r.total() ? "; the first " + r.rows().size() + ":" : ":"), rc);
            r.rows().forEach(row -> facts.fact("- " + rowLine(row), rowSource(row, rc)));
            return facts.done();
        }
        Entity host = Lookup.one(entities, "backups_missing", hostQuery, facts);
        if (host == null) {
            return facts.done();
        }
        Map<Long, EntityRelation> guests = new HashMap<>();
        entityTools.guests(host.id()).forEach(g -> guests.put(g.entityId(), g));
        List<ReportResult.Row> rows = new ArrayList<>();
        ReportResult first = null;
        for (int offset = 0; offset < MAX_ROWS; offset += PAGE) {
            ReportResult r = run("backups_missing", NO_BACKUP, params, PAGE, offset);
            first = first == null ? r : first;
            r.rows().stream().filter(row -> row.entityId() != null && guests.containsKey(row.entityId())).forEach(rows::add);
            if (r.rows().size() < PAGE) {
                break;
            }
        }
        Citation rc = Cite.report(first.name(), first.title(), "VMs of " + host.name() + " in the report: " + rows.size());
        String head = rows.size() + " of the " + guests.size() + " VMs on " + host.name() + " have no successful backup within "
                + first.params().get("days") + " days (report " + first.name() + ")" + (rows.isEmpty() ? "." : ":");
        facts.fact(head, rc);
        facts.fact(host.name() + " runs " + guests.size() + " VMs", Cite.entity(host, EntityTools.summary(host)));
        rows.stream().limit(limit).forEach(row -> facts.fact("- " + rowLine(row), rowSource(row, rc)));
        return facts.done();
    }

    ToolOutcome runReport(Args a) {
        String name = a.required("name");
        Map<String, String> params = a.map("params");
        int limit = a.integer("limit", 50, 1, 1000);
        int offset = a.integer("offset", 0, 0, Integer.MAX_VALUE);
        if (reports.reports().stream().noneMatch(r -> r.name().equals(name))) {
            throw new Args.BadInput("run_report: no report named '" + name + "'; known: "
                    + reports.reports().stream().map(ReportInfo::name).collect(Collectors.joining(", ")));
        }
        ReportResult r = run("run_report", name, params, limit, offset);
        Citation rc = Cite.report(r.name(), r.title(), r.total() + " findings with " + r.params());
        Facts facts = new Facts().fact("Report " + r.name() + " (" + r.title() + ") with " + r.params() + ": " + r.total()
                + " findings" + (r.rows().size() < r.total() ? "; rows " + (offset + 1) + "-" + (offset + r.rows().size()) + ":" : ":"), rc);
        r.rows().forEach(row -> facts.fact("- " + rowLine(row), rowSource(row, rc)));
        return facts.done();
    }

    /** The types the report covered, for the sentence ("VMs", "entities of types vm,server"). */
    private static String what(ReportResult r) {
        String types = r.params().getOrDefault("types", "vm");
        return "vm".equals(types) ? "VMs" : "entities of types " + types;
    }

    private ReportResult run(String tool, String name, Map<String, String> params, int limit, int offset) {
        try {
            return reports.run(name, params, limit, offset);
        } catch (ApiException e) {
            throw new Args.BadInput(tool + ": report " + name + ": " + e.getMessage());
        }
    }

    private static String rowLine(ReportResult.Row row) {
        String values = row.values().entrySet().stream().filter(e -> e.getValue() != null && !"".equals(e.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        String who = row.entityName() == null ? "" : row.entityName() + (row.entityType() == null ? "" : " (" + row.entityType() + ")");
        return who + (values.isEmpty() ? (who.isEmpty() ? "finding" : ": no backup at all") : (who.isEmpty() ? "" : ": ") + values);
    }

    private static Citation rowSource(ReportResult.Row row, Citation report) {
        return row.entityId() == null ? report : Cite.entity(row.entityId(), row.entityName(), row.entityType(), rowLine(row));
    }
}

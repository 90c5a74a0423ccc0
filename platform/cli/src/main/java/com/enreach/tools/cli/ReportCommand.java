package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach report}: the coverage and anomaly reports; {@code enreach report NAME}: one report's findings as a
 * table, {@code --json}, or {@code --csv} (the server's CSV export, whole unless --limit).
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = {"Coverage and anomaly reports over the unified inventory.",
    "Without NAME: the reports and their parameters. With NAME: its findings, each with the entity to look at (enreach entities show ID)."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The report, e.g. vms-without-backup.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A report parameter (repeatable), e.g. --param backup_source=*commvault*.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--days", paramLabel = "N", description = "Shorthand for --param days=N.")
    Integer days;

    @Option(names = "--csv", description = "Print the report as CSV with a header row (every finding unless --limit).")
    boolean csv;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        if (name == null) {
            if (csv || days != null || !params.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--csv, --days and --param need a report NAME; 'enreach report' lists them");
            }
            return list();
        }
        Map<String, Object> query = new LinkedHashMap<>(params);
        if (days != null) {
            if (params.containsKey("days")) {
                throw new CliException(ExitCodes.USAGE, "give days once: --days or --param days=..., not both");
            }
            query.put("days", days);
        }
        query.put("limit", page.limit);
        query.put("offset", page.offset);
        String path = "/api/reports/" + Api.segment(name);
        if (csv) {
            if (root.json()) {
                throw new CliException(ExitCodes.USAGE, "--csv and --json exclude each other");
            }
            query.put("format", "csv");
            // Records end in CRLF (RFC 4180); on a terminal or in a pipe a plain line break is what tools expect.
            root.out().print(root.api().getText(Api.query(path, query), "text/csv").replace("\r\n", "\n"));
            root.out().flush();
            return ExitCodes.OK;
        }
        JsonNode r = root.api().get(Api.query(path, query));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        print(r);
        return ExitCodes.OK;
    }

    private Integer list() {
        JsonNode r = root.api().get("/api/reports");
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("NAME", "TITLE", "PARAMETERS (default)");
        for (JsonNode info : r.path("results")) {
            List<String> ps = new ArrayList<>();
            info.path("params").forEach(p -> ps.add(Json.text(p, "name") + (Json.text(p, "default_value").isEmpty() ? "" : "=" + Json.text(p, "default_value"))));
            t.row(Json.text(info, "name"), Json.text(info, "title"), String.join(" ", ps));
        }
        t.print(root.out());
        root.out().println("Run one: enreach report NAME [--days N] [--param KEY=VALUE ...] [--csv|--json]");
        root.out().flush();
        return ExitCodes.OK;
    }

    private void print(JsonNode r) {
        PrintWriter out = root.out();
        List<String> applied = new ArrayList<>();
        r.path("params").fields().forEachRemaining(e -> applied.add(e.getKey() + "=" + e.getValue().asText()));
        out.println(Json.text(r, "title") + (applied.isEmpty() ? "" : " (" + String.join(", ", applied) + ")"));
        List<String> columns = new ArrayList<>();
        r.path("columns").forEach(c -> columns.add(c.asText()));
        List<String> headers = new ArrayList<>(List.of("ENTITY", "NAME", "TYPE"));
        columns.forEach(c -> headers.add(c.toUpperCase(Locale.ROOT).replace('_', ' ')));
        Table t = new Table(headers.toArray(String[]::new));
        for (JsonNode row : r.path("rows")) {
            List<Object> cells = new ArrayList<>(List.of(Json.text(row, "entity_id"), Json.text(row, "entity_name"), Json.text(row, "entity_type")));
            columns.forEach(c -> cells.add(Json.text(row.path("values"), c)));
            t.row(cells.toArray());
        }
        if (!t.isEmpty()) {
            t.print(out);
        }
        int shown = r.path("rows").size();
        long total = r.path("total").asLong(shown);
        int from = page.offset == null ? 0 : page.offset;
        out.println(total == 0 ? "No findings." : shown + " of " + total + " findings"
                + (r.hasNonNull("next") ? " (next page: --offset " + (from + shown) + ")" : ""));
        out.flush();
    }
}

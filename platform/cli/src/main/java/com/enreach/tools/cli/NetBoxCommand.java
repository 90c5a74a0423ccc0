package com.enreach.tools.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach netbox}: the NetBox pipeline. Validate and preview (operator), review a change set side by side,
 * approve, reject and apply it (approver), conflicts, history, rollback and adoption. {@code refresh} (the NetBox
 * source kind) is added by {@link Enreach#commandLine}.
 */
@Command(name = "netbox", mixinStandardHelpOptions = true,
        description = {"The NetBox pipeline: validate, preview a change set, review it side by side, approve and apply it, conflicts, history, rollback.",
            "Operators validate, preview, roll back, adopt and resolve conflicts; approvers approve, reject and apply. See docs/netbox.md."},
        subcommands = {NetBoxShowCommand.class, NetBoxApproveCommand.class, NetBoxSyncCommand.class})
final class NetBoxCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "targets", mixinStandardHelpOptions = true, description = "The configured NetBox targets and their state.")
    int targets() {
        JsonNode r = root.api().get("/api/netbox/targets");
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("NAME", "URL", "WRITES", "SELF-APPROVAL", "SOURCE", "VERSION", "STATE", "MESSAGE");
        for (JsonNode n : r) {
            t.row(Json.text(n, "name"), Json.text(n, "url"), n.path("write_enabled").asBoolean() ? "enabled" : "dry run",
                    Format.yesNo(n, "self_approval"), Json.text(n, "source"), Json.text(n, "netbox_version"), Json.text(n, "state"), Json.text(n, "message"));
        }
        t.print(root.out());
        return ExitCodes.OK;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate what would be sent to NetBox (reads NetBox; operator). Errors keep an object out of change sets.")
    int validate(@Option(names = "--target", paramLabel = "NAME", description = "The target (default: the only one).") String target,
                 @Option(names = "--severity", paramLabel = "LEVEL", description = "error, warning or info.") String severity,
                 @Option(names = "--rule", paramLabel = "RULE", description = "Only this rule, e.g. ip-unique.") String rule,
                 @Option(names = "--site", paramLabel = "SITE", description = "Only objects of this site.") String site,
                 @Option(names = "--object-type", paramLabel = "KIND", description = "Only this NetBox kind, e.g. dcim.device.") String kind,
                 @Option(names = "--entity", paramLabel = "ID", description = "Only this entity.") Long entity,
                 @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/netbox/validation", Api.params("target", target, "severity", severity, "rule", rule,
                "site", site, "object_type", kind, "entity", entity, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        root.out().println("Validated " + r.path("objects").asInt() + " objects for " + Json.text(r, "target") + ": " + r.path("blocked").asInt()
                + " blocked; " + r.path("errors").asInt() + " errors, " + r.path("warnings").asInt() + " warnings, " + r.path("infos").asInt() + " infos");
        Table rules = new Table("RULE", "ERRORS", "WARNINGS", "INFOS", "DESCRIPTION");
        for (Map.Entry<String, JsonNode> e : fields(r.path("by_rule")).entrySet()) {
            rules.row(e.getKey(), e.getValue().path("error").asInt(), e.getValue().path("warning").asInt(), e.getValue().path("info").asInt(),
                    Json.text(r.path("rules"), e.getKey()));
        }
        if (!rules.isEmpty()) {
            rules.print(root.out());
            root.out().println();
        }
        NetBoxTables.findings(r.path("findings")).print(root.out());
        int shown = r.path("findings").size();
        int from = page.offset == null ? 0 : page.offset;
        root.out().println(shown + " of " + r.path("count").asLong() + " findings"
                + (from + shown < r.path("count").asLong() ? " (next page: --offset " + (from + shown) + ")" : ""));
        root.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Build and store a change set from the golden records (operator); review it with 'netbox show ID'.")
    int preview(@Option(names = "--target", paramLabel = "NAME", description = "The target (default: the only one).") String target,
                @Option(names = "--entity", split = ",", paramLabel = "ID", description = "Only these entities (and what they need).") List<Long> entities,
                @Option(names = "--kind", split = ",", paramLabel = "KIND", description = "Only these NetBox kinds, e.g. dcim.device.") List<String> kinds,
                @Option(names = "--no-deletes", description = "Propose no deletes of managed objects whose entity is gone.") boolean noDeletes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("entity_ids", entities == null ? List.of() : entities);
        body.put("kinds", kinds == null ? List.of() : kinds);
        body.put("deletes", !noDeletes);
        JsonNode cs = root.api().post("/api/netbox/changesets", body);
        if (root.json()) {
            root.printJson(cs);
            return ExitCodes.OK;
        }
        NetBoxTables.header(root.out(), cs);
        NetBoxTables.held(root.out(), cs.path("held"));
        root.out().println("Review it with 'enreach netbox show " + Json.text(cs, "id") + "'; an approver approves it with 'enreach netbox approve "
                + Json.text(cs, "id") + "'.");
        root.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "changesets", mixinStandardHelpOptions = true, description = "Stored change sets, newest first.")
    int changesets(@Option(names = "--target", paramLabel = "NAME") String target,
                   @Option(names = "--status", paramLabel = "STATUS", description = "pending, approved, applied, partially_applied, rejected, superseded, ...") String status,
                   @Option(names = "--kind", paramLabel = "KIND", description = "sync, rollback or adopt.") String kind,
                   @Option(names = "--created-by", paramLabel = "TOKEN") String createdBy, @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/netbox/changesets", Api.params("target", target, "status", status, "kind", kind,
                "created_by", createdBy, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "TARGET", "KIND", "STATUS", "CREATE", "UPDATE", "DELETE", "APPROVED", "APPLIED", "FAILED", "CREATED BY", "CREATED");
        for (JsonNode c : r.path("results")) {
            JsonNode n = c.path("counts");
            t.row(Json.text(c, "id"), Json.text(c, "target"), Json.text(c, "kind"), Json.text(c, "status") + (c.path("dry_run").asBoolean() ? " (dry run)" : ""),
                    n.path("creates").asInt(), n.path("updates").asInt(), n.path("deletes").asInt(), n.path("approved").asInt(), n.path("applied").asInt(),
                    n.path("failed").asInt(), Json.text(c, "created_by"), Format.time(c, "created_at"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "change sets");
        return ExitCodes.OK;
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a change set (approver): nothing of it can be applied any more.")
    int reject(@Parameters(index = "0", paramLabel = "ID") long id,
               @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept with the decision).") String comment) {
        JsonNode cs = root.api().get("/api/netbox/changesets/" + id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hash", Json.text(cs, "hash"));
        body.put("comment", comment);
        JsonNode r = root.api().post("/api/netbox/changesets/" + id + "/reject", body);
        if (root.json()) {
            root.printJson(r);
        } else {
            root.out().println("Rejected change set " + id + " (hash " + Json.text(cs, "hash") + "): " + Json.text(r, "status"));
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Apply the approved items of a change set (approver), each checked for drift first; resumes an interrupted apply.",
                "Exit 1 when items failed or drifted (listed with NetBox's message)."})
    int apply(@Parameters(index = "0", paramLabel = "ID") long id) {
        JsonNode r = root.api().post("/api/netbox/changesets/" + id + "/apply", null);
        if (root.json()) {
            root.printJson(r);
            return r.path("failed").asInt() > 0 || r.path("drifted").asInt() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
        return NetBoxTables.applyResult(root.out(), r);
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Build the change set that reverses an applied one (operator); it is approved and applied like any other.")
    int rollback(@Parameters(index = "0", paramLabel = "ID") long id) {
        return created(root.api().post("/api/netbox/changesets/" + id + "/rollback", null));
    }

    @Command(name = "adopt", mixinStandardHelpOptions = true,
            description = {"Build a change set that marks a hand-made NetBox object as managed for an entity (operator),",
                "or, with --all-matches, every hand-made object that matches an entity (run it again after applying: the",
                "interfaces of newly adopted machines match then)."})
    int adopt(@Option(names = "--target", paramLabel = "NAME") String target,
              @Option(names = "--all-matches", description = "Adopt every hand-made object that matches an entity.") boolean all,
              @Option(names = "--object-type", paramLabel = "KIND", description = "e.g. dcim.device.") String kind,
              @Option(names = "--netbox-id", paramLabel = "ID", description = "The object's id in NetBox.") Long netboxId,
              @Option(names = "--entity", paramLabel = "ID", description = "The entity it stands for.") Long entity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        if (all) {
            if (kind != null || netboxId != null || entity != null) {
                throw new CliException(ExitCodes.USAGE, "--all-matches adopts every match: leave out --object-type, --netbox-id and --entity");
            }
            body.put("all_matches", true);
            return created(root.api().post("/api/netbox/adoptions", body));
        }
        if (kind == null || netboxId == null || entity == null) {
            throw new CliException(ExitCodes.USAGE, "give --object-type, --netbox-id and --entity (or --all-matches)");
        }
        body.put("object_type", kind);
        body.put("netbox_id", netboxId);
        body.put("entity_id", entity);
        return created(root.api().post("/api/netbox/adoptions", body));
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true, description = "Fields changed by hand in NetBox that differ from the golden value.")
    int conflicts(@Option(names = "--target", paramLabel = "NAME") String target,
                  @Option(names = "--status", paramLabel = "STATUS", description = "open (default), resolved or all.") String status,
                  @Option(names = "--object-type", paramLabel = "KIND") String kind, @Option(names = "--entity", paramLabel = "ID") Long entity,
                  @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/netbox/conflicts", Api.params("target", target, "status", status, "object_type", kind,
                "entity", entity, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "OBJECT", "KIND", "FIELD", "NETBOX", "GOLDEN", "CHANGED BY", "CHANGED", "RULE", "SUGGESTION", "STATUS");
        for (JsonNode c : r.path("results")) {
            t.row(Json.text(c, "id"), Json.text(c, "object"), Json.text(c, "object_type"), Json.text(c, "field"), NetBoxTables.value(c.path("netbox_value")),
                    NetBoxTables.value(c.path("golden_value")), Json.text(c, "changed_by"), Format.time(c, "changed_at"), Json.text(c, "rule"),
                    Json.text(c, "suggestion"), Json.text(c, "status") + (c.hasNonNull("resolution") ? " (" + Json.text(c, "resolution") + ")" : ""));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "conflicts");
        return ExitCodes.OK;
    }

    /** Exactly one resolution. */
    static final class Resolution {
        @Option(names = "--keep-netbox", required = true, description = "NetBox's value becomes the golden one (a manual override).")
        boolean keepNetbox;

        @Option(names = "--use-golden", required = true, description = "The next change set writes the golden value over the hand edit.")
        boolean useGolden;
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve a NetBox conflict (operator).")
    int resolve(@Parameters(index = "0", paramLabel = "ID") long id,
                @ArgGroup(exclusive = true, multiplicity = "1") Resolution resolution,
                @Option(names = "--comment", paramLabel = "TEXT") String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolution", resolution.keepNetbox ? "keep_netbox" : "use_golden");
        body.put("comment", comment);
        JsonNode c = root.api().post("/api/netbox/conflicts/" + id + "/resolve", body);
        if (root.json()) {
            root.printJson(c);
        } else {
            root.out().println("Conflict " + id + " (" + Json.text(c, "object") + " " + Json.text(c, "field") + "): " + Json.text(c, "status") + ", "
                    + Json.text(c, "resolution"));
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "What the platform changed in NetBox, newest first.")
    int history(@Option(names = "--target", paramLabel = "NAME") String target, @Option(names = "--source", paramLabel = "INSTANCE") String source,
                @Option(names = "--entity", paramLabel = "ID") Long entity, @Option(names = "--object-type", paramLabel = "KIND") String kind,
                @Option(names = "--netbox-id", paramLabel = "ID") Long netboxId,
                @Option(names = "--object", paramLabel = "TEXT", description = "Object name containing TEXT.") String object,
                @Option(names = "--user", paramLabel = "TOKEN", description = "Applied or approved by this token.") String user,
                @Option(names = "--from", paramLabel = "TIME", description = "ISO time, e.g. 2026-12-01T00:00:00Z.") String from,
                @Option(names = "--to", paramLabel = "TIME") String to,
                @Option(names = "--status", paramLabel = "STATUS", description = "applied, failed, drifted or dry_run.") String status,
                @Option(names = "--changeset", paramLabel = "ID") Long changeset, @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/netbox/history", Api.params("target", target, "source", source, "entity", entity,
                "object_type", kind, "netbox_id", netboxId, "object", object, "user", user, "from", from, "to", to, "status", status,
                "changeset", changeset, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("AT", "CHANGE SET", "ACTION", "KIND", "OBJECT", "NETBOX ID", "STATUS", "APPLIED BY", "APPROVED BY", "MESSAGE");
        for (JsonNode h : r.path("results")) {
            t.row(Format.time(h, "at"), Json.text(h, "change_set_id"), Json.text(h, "action"), Json.text(h, "object_type"), Json.text(h, "object"),
                    Json.text(h, "netbox_id"), Json.text(h, "status"), Json.text(h, "applied_by"), Json.text(h, "approved_by"), Json.text(h, "message"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "changes");
        return ExitCodes.OK;
    }

    private int created(JsonNode cs) {
        if (root.json()) {
            root.printJson(cs);
            return ExitCodes.OK;
        }
        NetBoxTables.header(root.out(), cs);
        root.out().println("Review it with 'enreach netbox show " + Json.text(cs, "id") + "'.");
        root.out().flush();
        return ExitCodes.OK;
    }

    private static Map<String, JsonNode> fields(JsonNode n) {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}

package com.enreach.tools.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach conflicts}: attributes on which sources disagree beyond tolerance (listed by default), resolving one
 * by keeping a value (a manual override), and identity conflicts.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true, description = "Attribute conflicts: list (the default), resolve, revoke an override; identity conflicts.")
final class ConflictsCommand implements Callable<Integer> {
    /** Attributes whose values are numbers; sizes may be written with a binary unit (64GiB). */
    private static final Set<String> NUMBERS = Set.of("cpu_count", "memory_bytes", "disk_bytes");
    private static final Pattern SIZE = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kib|mib|gib|tib|pib)?\\s*$");
    private static final java.util.List<String> UNITS = java.util.List.of("b", "kib", "mib", "gib", "tib", "pib");
    private static final Pattern RELATIVE = Pattern.compile("^(\\d+)([dh])$");

    @ParentCommand
    Enreach root;

    @Mixin
    Filters filters;

    @Mixin
    PageOptions page;

    /** The filters of a conflict listing. */
    static final class Filters {
        @Option(names = "--attribute", paramLabel = "NAME", description = "Only this attribute, e.g. memory_bytes, os.")
        String attribute;

        @Option(names = "--source", paramLabel = "INSTANCE", description = "Only conflicts this source instance is part of.")
        String source;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only entities of this type.")
        String type;

        @Option(names = "--entity", paramLabel = "ID", description = "Only this entity (id).")
        Long entity;
    }

    @Override
    public Integer call() {
        return list(filters, page);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List attribute conflicts with every candidate value and its source.")
    int list(@Mixin Filters f, @Mixin PageOptions p) {
        JsonNode r = root.api().get(Api.query("/api/conflicts", Api.params("attribute", f.attribute, "source", f.source, "entity_type", f.type,
                "entity", f.entity, "limit", p.limit, "offset", p.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        EntityTables.conflicts(r.path("results")).print(root.out());
        p.printCount(root.out(), r, "conflicts");
        return ExitCodes.OK;
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = {"Keep VALUE for an attribute of an entity: stored as a manual override that wins over every source "
                    + "until it expires or is revoked ('enreach conflicts revoke'). Needs an operator token.",
                "Numbers may carry a binary unit (64GiB); --expires takes an ISO time or a relative 30d / 12h."})
    int resolve(@Parameters(index = "0", paramLabel = "ENTITY", description = "Entity id, name, FQDN, serial or IP.") String entity,
                @Parameters(index = "1", paramLabel = "ATTRIBUTE", description = "Attribute, e.g. memory_bytes, os, site.") String attribute,
                @Parameters(index = "2", paramLabel = "VALUE", description = "The value to keep.") String value,
                @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail).") String reason,
                @Option(names = "--expires", paramLabel = "WHEN", description = "When the override stops applying.") String expires) {
        JsonNode e = EntityRef.resolve(root, entity);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value(attribute, value));
        body.put("reason", reason);
        body.put("expires_at", expires == null ? null : expiry(expires, Instant.ofEpochMilli(root.nowMillis())).toString());
        JsonNode g = root.api().send("PUT", "/api/entities/" + e.path("id").asLong() + "/overrides/" + Api.segment(attribute), body);
        if (root.json()) {
            root.printJson(g);
            return ExitCodes.OK;
        }
        root.out().println(attribute + " of " + Json.text(e, "name") + " (entity " + Json.text(e, "id") + ") is now "
                + EntityTables.value(attribute, g.path("value")) + " (rule " + Json.text(g, "rule") + ")"
                + (body.get("expires_at") == null ? "" : " until " + body.get("expires_at")));
        root.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Withdraw the manual override of an attribute; the rules choose its value again. Needs an operator token.")
    int revoke(@Parameters(index = "0", paramLabel = "ENTITY", description = "Entity id, name, FQDN, serial or IP.") String entity,
               @Parameters(index = "1", paramLabel = "ATTRIBUTE", description = "The overridden attribute.") String attribute) {
        JsonNode e = EntityRef.resolve(root, entity);
        JsonNode r = root.api().delete("/api/entities/" + e.path("id").asLong() + "/overrides/" + Api.segment(attribute));
        if (root.json()) {
            root.printJson(r);
        } else {
            root.out().println("Withdrew the override of " + attribute + " on " + Json.text(e, "name") + " (entity " + Json.text(e, "id") + ")");
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "identity", mixinStandardHelpOptions = true,
            description = "Identity conflicts: observations kept apart because a strong identifier contradicts a name or an IP.")
    int identity(@Option(names = "--all", description = "Resolved ones too.") boolean all, @Mixin PageOptions p) {
        JsonNode r = root.api().get(Api.query("/api/identity-conflicts", Api.params("status", all ? "all" : null, "limit", p.limit, "offset", p.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "KIND", "KEY", "ENTITIES", "DEVICES", "STATUS", "DETAIL");
        for (JsonNode c : r.path("results")) {
            t.row(Json.text(c, "id"), Json.text(c, "kind"), Json.text(c, "key"), EntityTables.join(c.path("entity_ids")),
                    EntityTables.join(c.path("device_ids")), Json.text(c, "status"), Json.text(c, "detail"));
        }
        t.print(root.out());
        p.printCount(root.out(), r, "identity conflicts");
        return ExitCodes.OK;
    }

    /** The JSON value to send: numbers for numeric attributes (sizes with a unit become bytes), text otherwise. */
    static Object value(String attribute, String text) {
        if (!NUMBERS.contains(attribute)) {
            return text;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new CliException(ExitCodes.USAGE, attribute + " takes a number" + (attribute.endsWith("_bytes") ? " (or a size like 64GiB)" : "")
                    + ", got '" + text + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int power = UNITS.indexOf(unit);
        double n = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (n != Math.floor(n) || n > Long.MAX_VALUE) {
            throw new CliException(ExitCodes.USAGE, attribute + " must be a whole number, got '" + text + "'");
        }
        return (long) n;
    }

    /** An ISO-8601 time, or a relative {@code 30d} / {@code 12h} from now. */
    static Instant expiry(String text, Instant now) {
        Matcher m = RELATIVE.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return now.plus(m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.USAGE, "--expires takes an ISO time (2026-12-31T00:00:00Z) or 30d / 12h, got '" + text + "'");
        }
    }
}

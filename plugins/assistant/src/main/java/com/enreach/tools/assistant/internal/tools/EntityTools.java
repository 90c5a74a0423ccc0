package com.enreach.tools.assistant.internal.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import com.enreach.tools.api.Backup;
import com.enreach.tools.api.ConfigVersion;
import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityRelation;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.spi.RelationshipTypes;

/** find_entities, entity_detail, vms_on_host, count_entities, list_entities, last_backup. */
final class EntityTools {
    private static final Set<String> BRIEF = Set.of("fqdn", "primary_ip", "os", "role", "host", "cluster", "power_state",
            "vendor", "model");
    private static final int MAX_CONFIG_CHARS = 4000;
    private final EntityService entities;

    EntityTools(EntityService entities) {
        this.entities = entities;
    }

    static String summary(Entity e) {
        StringJoiner j = new StringJoiner(", ", e.name() + " (", ")");
        j.add(e.type());
        if (e.site() != null) {
            j.add("site " + e.site());
        }
        j.add(e.status());
        if (!e.sources().isEmpty()) {
            j.add("seen by " + String.join(" ", e.sources()));
        }
        return j.toString();
    }

    ToolOutcome find(Args a) {
        String q = a.text("query");
        String type = a.text("type");
        String site = a.text("site");
        String source = a.text("source");
        String status = a.text("status");
        int limit = a.integer("limit", 50, 1, EntityQuery.MAX_LIMIT);
        Facts facts = new Facts();
        if (q != null) {
            List<Entity> found = entities.lookup(q).candidates().stream()
                    .filter(e -> type == null || type.equalsIgnoreCase(e.type()))
                    .filter(e -> site == null || site.equalsIgnoreCase(e.site()))
                    .filter(e -> source == null || e.sources().contains(source))
                    .filter(e -> status == null || status.equalsIgnoreCase(e.status())).toList();
            if (found.isEmpty()) {
                return facts.line("No entity matches '" + q + "' (by name, FQDN, IP, serial or id).").done();
            }
            if (found.size() > 1) {
                Lookup.candidates(q, found, facts);
                return facts.done();
            }
            return facts.fact("'" + q + "' is " + summary(found.get(0)), Cite.entity(found.get(0), summary(found.get(0)))).done();
        }
        if (type == null && site == null && source == null && status == null) {
            throw new Args.BadInput("find_entities: give 'query' (name, FQDN, IP, serial) or a filter (type, site, source, status)");
        }
        Page<Entity> page = entities.find(new EntityQuery(null, type, source, status, site, "name", limit, 0));
        facts.line(page.count() + " entities match " + filter(type, site, source, status, null).replace('&', ' ')
                + (page.count() > page.results().size() ? "; the first " + page.results().size() + ":" : ":"));
        page.results().forEach(e -> facts.fact("- " + summary(e), Cite.entity(e, summary(e))));
        return facts.done();
    }

    ToolOutcome detail(Args a, boolean sensitiveAllowed) {
        String query = a.required("entity");
        boolean brief = a.bool("brief", false);
        Facts facts = new Facts();
        Entity e = Lookup.one(entities, "entity_detail", query, facts);
        if (e == null) {
            return facts.done();
        }
        EntityDetail d = entities.get(e.id()).orElseThrow(() -> new Args.BadInput("entity_detail: entity " + e.id() + " is gone"));
        Citation c = Cite.entity(e, summary(e));
        facts.fact(summary(e), c);
        for (GoldenValue g : d.attributes()) {
            if (brief && !BRIEF.contains(g.attribute())) {
                continue;
            }
            StringBuilder s = new StringBuilder("- ").append(g.attribute()).append(": ").append(g.value());
            if (!brief) {
                s.append(" (from ").append(g.source() == null ? "?" : g.source().sourceInstance()).append(", rule ").append(g.rule());
                g.alternatives().forEach(alt -> s.append("; ").append(alt.source() == null ? "?" : alt.source().sourceInstance())
                        .append(" says ").append(alt.value()));
                s.append(g.conflict() ? "; CONFLICT)" : ")");
            }
            facts.fact(s.toString(), c);
        }
        for (EntityRelation r : d.relationships()) {
            String arrow = "out".equals(r.direction()) ? r.type() + " " : "has " + r.type() + " from ";
            facts.fact("- " + e.name() + " " + arrow + r.entityName() + " (" + r.entityType() + ", seen by " + r.sourceInstance() + ")",
                    Cite.entity(r.entityId(), r.entityName(), r.entityType(), e.name() + " " + arrow + r.entityName()));
        }
        if (!brief) {
            for (NetworkInterface n : d.interfaces().stream().limit(20).toList()) {
                facts.fact("- interface " + n.name() + (n.mac() == null ? "" : " mac " + n.mac())
                        + (n.network() == null ? "" : " network " + n.network()) + " (from " + n.sourceInstance() + ")", c);
            }
            for (IpAddress ip : d.ipAddresses().stream().limit(20).toList()) {
                facts.fact("- IP " + ip.address() + (ip.prefixLength() == null ? "" : "/" + ip.prefixLength())
                        + (ip.interfaceName() == null ? "" : " on " + ip.interfaceName())
                        + (ip.dnsName() == null ? "" : " (" + ip.dnsName() + ")") + " (from " + ip.sourceInstance() + ")", c);
            }
        }
        newestBackup(d.backups()).ifPresent(b -> facts.fact("- " + backupLine(e.name(), b), c));
        configs(e, d.configs(), sensitiveAllowed, facts, c);
        return facts.done();
    }

    private static void configs(Entity e, List<ConfigVersion> configs, boolean sensitiveAllowed, Facts facts, Citation c) {
        if (configs.isEmpty()) {
            return;
        }
        if (!sensitiveAllowed) {
            facts.fact("- device configuration: " + configs.size() + " version(s) stored; the text is withheld from this provider", c);
            return;
        }
        ConfigVersion newest = configs.stream().max(Comparator.comparingInt(ConfigVersion::version)).orElseThrow();
        facts.fact("- device configuration version " + newest.version() + " retrieved " + when(newest.retrievedAt()) + ", "
                + newest.lines() + " lines", c);
        if (newest.text() != null) {
            String t = newest.text();
            facts.line("```\n" + (t.length() > MAX_CONFIG_CHARS ? t.substring(0, MAX_CONFIG_CHARS) + "\n..." : t) + "\n```");
        }
    }

    ToolOutcome vmsOnHost(Args a) {
        String query = a.required("host");
        boolean withBackups = a.bool("with_backups", false);
        Facts facts = new Facts();
        Entity host = Lookup.one(entities, "vms_on_host", query, facts);
        if (host == null) {
            return facts.done();
        }
        List<EntityRelation> vms = guests(host.id());
        Citation hc = Cite.entity(host, summary(host));
        facts.fact(host.name() + " (" + host.type() + ") runs " + vms.size() + " VM" + (vms.size() == 1 ? "" : "s")
                + (vms.isEmpty() ? "." : ":"), hc);
        for (EntityRelation r : vms) {
            String line = r.entityName() + " runs on " + host.name() + " (seen by " + r.sourceInstance() + ")";
            if (withBackups) {
                line += "; " + entities.get(r.entityId()).flatMap(d -> newestBackup(d.backups()))
                        .map(b -> backupLine(r.entityName(), b)).orElse("no backup record belongs to " + r.entityName());
            }
            facts.fact("- " + line, Cite.entity(r.entityId(), r.entityName(), r.entityType(), line));
        }
        return facts.done();
    }

    /** The entities that run on {@code hostId}, by name. */
    List<EntityRelation> guests(long hostId) {
        return entities.get(hostId).map(d -> d.relationships().stream()
                .filter(r -> RelationshipTypes.RUNS_ON.equals(r.type()) && "in".equals(r.direction()))
                .sorted(Comparator.comparing(EntityRelation::entityName)).toList()).orElse(List.of());
    }

    ToolOutcome count(Args a) {
        String type = a.text("type");
        String site = a.text("site");
        String source = a.text("source");
        String status = a.text("status");
        String q = a.text("query");
        long n = entities.find(new EntityQuery(q, type, source, status, site, "name", 1, 0)).count();
        String filter = filter(type, site, source, status, q);
        String fact = n + " entit" + (n == 1 ? "y" : "ies") + (filter.isEmpty() ? " in all" : " with " + filter.replace('&', ' '));
        return new Facts().fact(fact, Cite.entities(filter, fact)).done();
    }

    ToolOutcome list(Args a) {
        String type = a.text("type");
        String site = a.text("site");
        String source = a.text("source");
        String status = a.text("status");
        String q = a.text("query");
        int limit = a.integer("limit", 50, 1, EntityQuery.MAX_LIMIT);
        int offset = a.integer("offset", 0, 0, Integer.MAX_VALUE);
        Page<Entity> page = entities.find(new EntityQuery(q, type, source, status, site, "name", limit, offset));
        String filter = filter(type, site, source, status, q);
        String head = page.count() + " entit" + (page.count() == 1 ? "y" : "ies") + (filter.isEmpty() ? "" : " with " + filter.replace('&', ' '));
        Facts facts = new Facts().fact(head + (page.results().size() < page.count()
                ? "; listed " + (offset + 1) + "-" + (offset + page.results().size()) + ":" : ":"), Cite.entities(filter, head));
        page.results().forEach(e -> facts.fact("- " + summary(e), Cite.entity(e, summary(e))));
        return facts.done();
    }

    ToolOutcome lastBackup(Args a) {
        String query = a.required("entity");
        Facts facts = new Facts();
        Entity e = Lookup.one(entities, "last_backup", query, facts);
        if (e == null) {
            return facts.done();
        }
        List<Backup> backups = entities.get(e.id()).map(EntityDetail::backups).orElse(List.of());
        String line = newestBackup(backups).map(b -> backupLine(e.name(), b)).orElse("no backup record belongs to " + e.name());
        return facts.fact(line, Cite.entity(e, line)).done();
    }

    static java.util.Optional<Backup> newestBackup(List<Backup> backups) {
        return backups.stream().max(Comparator.comparing((Backup b) -> b.lastSuccessAt() == null ? Instant.EPOCH : b.lastSuccessAt()));
    }

    static String backupLine(String name, Backup b) {
        String job = b.lastJob() == null ? "" : "; last job " + b.lastJob().status()
                + (b.lastJob().end() == null ? "" : " ended " + when(b.lastJob().end()));
        return "last successful backup of " + name + ": " + (b.lastSuccessAt() == null ? "never"
                : when(b.lastSuccessAt()) + " (" + age(b.lastSuccessAt()) + " ago)") + " by " + b.sourceInstance() + job;
    }

    /** A time to the second, as people read it. */
    static String when(Instant t) {
        return t == null ? "?" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String age(Instant t) {
        Duration d = Duration.between(t, Instant.now());
        if (d.isNegative() || d.toMinutes() < 60) {
            return Math.max(0, d.toMinutes()) + " min";
        }
        return d.toHours() < 48 ? d.toHours() + " h" : d.toDays() + " days";
    }

    static String filter(String type, String site, String source, String status, String q) {
        List<String> f = new ArrayList<>();
        add(f, "type", type);
        add(f, "site", site);
        add(f, "source", source);
        add(f, "status", status);
        add(f, "q", q);
        return String.join("&", f);
    }

    private static void add(List<String> f, String k, String v) {
        if (v != null) {
            f.add(k + "=" + v.replaceAll("[\\s\\]&]", "_"));
        }
    }
}

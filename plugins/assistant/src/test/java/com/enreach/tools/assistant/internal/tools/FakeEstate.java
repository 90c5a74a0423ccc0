package com.enreach.tools.assistant.internal.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Backup;
import com.enreach.tools.api.ConfigVersion;
import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityRelation;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.Provenance;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.api.inventory.ReportService;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.assistant.internal.AssistantConfig;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.engine.Guard;
import com.enreach.tools.assistant.internal.offline.OfflineAnswerer;

/**
 * A small estate in memory behind the services the tools read: two ESXi hosts with three VMs (one without backup),
 * two entities both named web01, a switch with a configuration, a ticket and a runbook about the first host.
 * Counts and report rows are computed from the entities, so tests compare against the data, not against constants.
 */
public class FakeEstate implements AssistantContext {
    public static final Instant NOW = Instant.now();
    public final Map<Long, EntityDetail> details = new LinkedHashMap<>();
    public final List<SearchQuery> searches = new ArrayList<>();
    public final Map<Long, List<LinkedContent>> about = new LinkedHashMap<>();
    public final List<SearchHit> hits = new ArrayList<>();
    public final List<SourceInstance> instances = new ArrayList<>();
    private final InventoryTools tools = new InventoryTools(this);

    public FakeEstate() {
        add(1, "esx-ams-01", "hypervisor", "ams", "esx-ams-01.example.com", "10.0.0.1", null, null);
        add(2, "vm-ams-app-01", "vm", "ams", "vm-ams-app-01.example.com", "10.0.1.2", 1L, Duration.ofHours(20));
        add(3, "vm-ams-db-02", "vm", "ams", "vm-ams-db-02.example.com", "10.0.1.3", 1L, null);
        add(5, "esx-lon-01", "hypervisor", "lon", "esx-lon-01.example.com", "10.1.0.1", null, null);
        add(4, "vm-lon-web-03", "vm", "lon", "vm-lon-web-03.example.com", "10.1.1.4", 5L, Duration.ofDays(20));
        add(6, "web01", "vm", "ams", "web01.prod.example.com", "10.0.2.6", 1L, Duration.ofHours(3));
        add(7, "web01", "vm", "lon", "web01.dev.example.com", "10.1.2.7", 5L, Duration.ofHours(3));
        add(8, "sw-ams-01", "network_device", "ams", null, "10.0.9.8", null, null);
        EntityDetail sw = details.get(8L);
        details.put(8L, new EntityDetail(sw.entity(), sw.attributes(), List.of(), List.of(), List.of(), sw.ipAddresses(), List.of(),
                List.of(new ConfigVersion(81, 8, 3, "abc", NOW.minus(Duration.ofDays(1)), 2,
                        "hostname sw-ams-01\nsnmp-server community s3cr3t-community RO")), List.of(), List.of(), List.of(), List.of()));
        about.put(1L, List.of(
                new LinkedContent("ticket", 70, "OPS-7 NFS stale file handle on esx-ams-01", "https://jira.example/browse/OPS-7", "Resolved", NOW, "esx-ams-01"),
                new LinkedContent("article", 30, "Runbook: NFS stale file handle on ESXi", "https://wiki.example/30", null, NOW, "esx-ams-01.example.com")));
        hits.add(new SearchHit("ticket", 70, "OPS-7 NFS stale file handle on esx-ams-01", "Remounted the datastore after restarting the NFS export.",
                "https://jira.example/browse/OPS-7", 0.9, 1, 1, null, "OPS", "Resolved", NOW, 0));
        hits.add(new SearchHit("article", 30, "Runbook: NFS stale file handle on ESXi", "Unmount and remount the NFS datastore with esxcli storage nfs.",
                "https://wiki.example/30", 0.8, 2, 2, "OPS", null, null, NOW, 0));
        instances.add(instance("demo-vc", "succeeded", Duration.ofHours(2)));
        instances.add(instance("demo-jira", "failed", Duration.ofMinutes(30)));
    }

    public static SourceInstance instance(String name, String status, Duration ago) {
        Instant at = NOW.minus(ago);
        return new SourceInstance(name, "demo", name, true, true, List.of(), Map.of(), 60, at,
                "succeeded".equals(status) ? at : at.minus(Duration.ofDays(1)), status, 11L, 40, 2, null, null);
    }

    private void add(long id, String name, String type, String site, String fqdn, String ip, Long host, Duration backupAgo) {
        Entity e = new Entity(id, name, type, "active", site, List.of("demo-vc"), 1, 0, NOW, NOW, NOW);
        Provenance p = new Provenance(id, "demo", "demo-vc", NOW);
        List<GoldenValue> attrs = new ArrayList<>();
        attrs.add(new GoldenValue("name", name, p, "priority:1", List.of(), false));
        attrs.add(new GoldenValue("type", type, p, "priority:1", List.of(), false));
        if (fqdn != null) {
            attrs.add(new GoldenValue("fqdn", fqdn, p, "priority:1", List.of(), false));
        }
        attrs.add(new GoldenValue("memory_bytes", 8L << 30, p, "priority:1",
                List.of(new GoldenValue.Alternative(16L << 30, new Provenance(id + 100, "demo", "demo-puppetdb", NOW))), true));
        attrs.add(new GoldenValue("site", site, p, "only-source", List.of(), false));
        List<EntityRelation> rels = new ArrayList<>();
        if (host != null) {
            EntityDetail h = details.get(host);
            rels.add(new EntityRelation("runs_on", "out", host, h.entity().name(), h.entity().type(), "demo-vc"));
            List<EntityRelation> hostRels = new ArrayList<>(h.relationships());
            hostRels.add(new EntityRelation("runs_on", "in", id, name, type, "demo-vc"));
            details.put(host, withRelations(h, hostRels));
        }
        List<Backup> backups = backupAgo == null ? List.of()
                : List.of(new Backup(id * 10, "demo", "demo-commvault", "vm:" + id, name, null, name, null, id,
                new Backup.Job("j" + id, "INCR", "Completed", NOW.minus(backupAgo), NOW.minus(backupAgo), 1L),
                NOW.minus(backupAgo), List.of(), "active", NOW));
        details.put(id, new EntityDetail(e, attrs, List.of(), rels, List.of(),
                List.of(new IpAddress(id, id, ip, 24, 4, "eth0", fqdn, "demo-vc")), List.of(), List.of(), List.of(), backups,
                List.of(), List.of()));
    }

    private static EntityDetail withRelations(EntityDetail d, List<EntityRelation> rels) {
        return new EntityDetail(d.entity(), d.attributes(), d.observations(), rels, d.interfaces(), d.ipAddresses(), d.facts(),
                d.configs(), d.volumes(), d.backups(), d.decisions(), d.identityConflicts());
    }

    public Entity entity(long id) {
        return details.get(id).entity();
    }

    public List<Entity> all() {
        return details.values().stream().map(EntityDetail::entity).sorted(Comparator.comparing(Entity::name).thenComparing(Entity::id)).toList();
    }

    /** VMs with no backup newer than {@code days}, as the report defines it. */
    public List<Entity> withoutBackup(int days) {
        Instant since = NOW.minus(Duration.ofDays(days));
        return all().stream().filter(e -> "vm".equals(e.type()))
                .filter(e -> details.get(e.id()).backups().stream().noneMatch(b -> b.lastSuccessAt().isAfter(since))).toList();
    }

    final EntityService entities = (EntityService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {EntityService.class}, (proxy, m, args) -> switch (m.getName()) {
                case "find" -> find((EntityQuery) args[0]);
                case "get" -> Optional.ofNullable(details.get((Long) args[0]));
                case "lookup" -> lookup((String) args[0]);
                default -> throw new UnsupportedOperationException(m.getName());
            });

    private Page<Entity> find(EntityQuery q) {
        List<Entity> all = all().stream()
                .filter(e -> q.type() == null || q.type().equalsIgnoreCase(e.type()))
                .filter(e -> q.site() == null || q.site().equalsIgnoreCase(e.site()))
                .filter(e -> q.source() == null || e.sources().contains(q.source()))
                .filter(e -> q.status() == null || q.status().equals(e.status()))
                .filter(e -> q.q() == null || e.name().contains(q.q())).toList();
        return new Page<>(all.size(), q.limit(), q.offset(), all.stream().skip(q.offset()).limit(q.limit()).toList());
    }

    private EntityLookup lookup(String q) {
        String s = q.toLowerCase(Locale.ROOT);
        List<Entity> c = details.values().stream().filter(d -> String.valueOf(d.entity().id()).equals(s)
                || d.entity().name().equalsIgnoreCase(s)
                || d.attributes().stream().anyMatch(g -> "fqdn".equals(g.attribute()) && s.equalsIgnoreCase(String.valueOf(g.value())))
                || d.ipAddresses().stream().anyMatch(ip -> ip.address().equals(s))).map(EntityDetail::entity).toList();
        return new EntityLookup(q, c);
    }

    final ReportService reports = new ReportService() {
        @Override
        public List<ReportInfo> reports() {
            return List.of(new ReportInfo("vms-without-backup", "VMs without backup", "...", List.of(
                    new ReportInfo.Param("days", "", "7"), new ReportInfo.Param("types", "", "vm"))));
        }

        @Override
        public ReportResult run(String name, Map<String, String> params, int limit, int offset) {
            if (!"vms-without-backup".equals(name)) {
                throw ApiException.notFound("report", name);
            }
            for (String k : params.keySet()) {
                if (!Set.of("days", "types").contains(k)) {
                    throw ApiException.invalid(k, "report vms-without-backup has no parameter '" + k + "'; it takes days, types");
                }
            }
            int days = Integer.parseInt(params.getOrDefault("days", "7"));
            List<ReportResult.Row> rows = withoutBackup(days).stream().map(e -> new ReportResult.Row(e.id(), e.name(), e.type(),
                    Map.<String, Object>of("last_success_at", details.get(e.id()).backups().isEmpty() ? ""
                            : details.get(e.id()).backups().get(0).lastSuccessAt().toString()))).toList();
            return new ReportResult(name, "VMs without backup", Map.of("days", String.valueOf(days), "types", "vm"), rows.size(),
                    List.of("last_success_at"), rows.stream().skip(offset).limit(limit).toList(), NOW);
        }
    };

    final SourceService sources = (SourceService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SourceService.class}, (proxy, m, args) -> switch (m.getName()) {
                case "sources" -> instances;
                default -> throw new UnsupportedOperationException(m.getName());
            });

    final KnowledgeService knowledge = (KnowledgeService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {KnowledgeService.class}, (proxy, m, args) -> switch (m.getName()) {
                case "contentAbout" -> about.getOrDefault((Long) args[0], List.of()).stream().limit((Integer) args[1]).toList();
                default -> throw new UnsupportedOperationException(m.getName());
            });

    final SearchService search = q -> {
        searches.add(q);
        if (q.text() == null || q.text().isBlank()) {
            throw ApiException.invalid("q", "the search text is empty");
        }
        String t = q.text().toLowerCase(Locale.ROOT);
        List<SearchHit> found = hits.stream().filter(h -> t.contains("nfs") || t.contains("stale"))
                .filter(h -> q.contentType() == null || q.contentType().equals(h.contentType())).limit(q.limit()).toList();
        return new SearchResult(q.text(), "hybrid", found, List.of(), "minilm", 1);
    };

    @Override
    public AssistantStore store() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SearchService search() {
        return search;
    }

    @Override
    public KnowledgeService knowledge() {
        return knowledge;
    }

    @Override
    public EntityService entities() {
        return entities;
    }

    @Override
    public ReportService reports() {
        return reports;
    }

    @Override
    public SourceService sources() {
        return sources;
    }

    @Override
    public SyncService syncs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AiProvider> aiProviders() {
        return List.of();
    }

    @Override
    public AiProvider provider(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AssistantConfig config() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<EmbeddingProvider> embeddings() {
        return Optional.empty();
    }

    @Override
    public Toolbox tools() {
        return tools;
    }

    @Override
    public Guard guard() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OfflineAnswerer offlineAnswerer() {
        return new OfflineAnswerer(this, tools);
    }
}

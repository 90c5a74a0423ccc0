package com.enreach.tools.assistant.internal.tools;

import java.util.List;
import java.util.Set;

import com.enreach.tools.api.ai.ToolSpec;
import com.enreach.tools.assistant.internal.AssistantContext;

/**
 * The tools over the platform services. Every fact in a tool's text ends with its source's ref ({@link Cite#REF}),
 * and every source is in {@link ToolOutcome#sources()} with the fact it gave as its quote.
 */
public class InventoryTools implements Toolbox {
    private static final String ENTITY = "{\"type\":\"string\",\"description\":\"entity name (short or full), FQDN, IP address, serial or id\"}";
    private static final String FILTERS = "\"type\":{\"type\":\"string\",\"description\":\"entity type: vm, hypervisor (ESXi host), server, network_device, storage, cluster\"},"
            + "\"site\":{\"type\":\"string\",\"description\":\"site code, e.g. ams\"},"
            + "\"source\":{\"type\":\"string\",\"description\":\"source instance that knows the entity\"},"
            + "\"status\":{\"type\":\"string\",\"enum\":[\"active\",\"stale\"]}";
    private static final List<ToolSpec> INVENTORY = List.of(
            spec("find_entities", "Find entities by name, FQDN, IP or serial (query; several matches are all returned as candidates) or by filters.",
                    "{\"query\":{\"type\":\"string\",\"description\":\"name, FQDN, IP address or serial\"}," + FILTERS
                            + ",\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000}}", List.of()),
            spec("entity_detail", "One entity's golden values with provenance (value, source instance, rule, other sources' values), relationships, interfaces, IPs, last backup.",
                    "{\"entity\":" + ENTITY + ",\"brief\":{\"type\":\"boolean\",\"description\":\"only the main facts\"}}", List.of("entity")),
            spec("vms_on_host", "The VMs that run on a host (by relationship), optionally each with its last backup.",
                    "{\"host\":" + ENTITY + ",\"with_backups\":{\"type\":\"boolean\"}}", List.of("host")),
            spec("backups_missing", "VMs with no successful backup within N days (report vms-without-backup), of the whole estate or of one host's VMs.",
                    "{\"host\":" + ENTITY + ",\"days\":{\"type\":\"string\",\"description\":\"default 7\"},\"types\":{\"type\":\"string\",\"description\":\"entity types, default vm\"},"
                            + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000}}", List.of()),
            spec("last_backup", "The last successful backup of an entity, its source and its last job's status.",
                    "{\"entity\":" + ENTITY + "}", List.of("entity")),
            spec("count_entities", "The exact number of entities matching filters.",
                    "{" + FILTERS + ",\"query\":{\"type\":\"string\",\"description\":\"words in names or identifiers\"}}", List.of()),
            spec("list_entities", "Entities matching filters, by name, with the exact total.",
                    "{" + FILTERS + ",\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000},\"offset\":{\"type\":\"integer\",\"minimum\":0}}", List.of()),
            spec("run_report", "Run a coverage report: vms-without-backup, servers-without-facts, network-without-config, missing-from-source, ip-claimed-twice, identity-conflicts, stale-in-one-active-in-another.",
                    "{\"name\":{\"type\":\"string\"},\"params\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},"
                            + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000},\"offset\":{\"type\":\"integer\",\"minimum\":0}}", List.of("name")),
            spec("sync_status", "Source instances: last sync run, its state and age, running now, object counts.",
                    "{\"instance\":{\"type\":\"string\",\"description\":\"one instance; all when left out\"}}", List.of()));
    private static final List<ToolSpec> KNOWLEDGE = List.of(
            spec("search_knowledge", "Hybrid search (text and meaning) over the knowledge base's articles (runbooks, how-tos) and tickets; passages with their source.",
                    "{\"query\":{\"type\":\"string\"},\"type\":{\"type\":\"string\",\"enum\":[\"article\",\"ticket\"]},"
                            + "\"resolved_only\":{\"type\":\"boolean\",\"description\":\"tickets with a resolution only\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":20}}", List.of("query")),
            spec("entity_knowledge", "The tickets and articles that mention an entity (by its names, FQDNs and IPs), newest first.",
                    "{\"entity\":" + ENTITY + ",\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":50}}", List.of("entity")));
    private static final Set<String> KNOWLEDGE_NAMES = Set.of("search_knowledge", "entity_knowledge");

    private final AssistantContext context;

    public InventoryTools(AssistantContext context) {
        this.context = context;
    }

    private static ToolSpec spec(String name, String description, String properties, List<String> required) {
        String req = required.isEmpty() ? "" : ",\"required\":[\"" + String.join("\",\"", required) + "\"]";
        return new ToolSpec(name, description, "{\"type\":\"object\",\"properties\":" + properties + req + ",\"additionalProperties\":false}");
    }

    @Override
    public List<ToolSpec> specs(String scope, boolean sensitiveAllowed) {
        // no tool returns secrets; entity_detail withholds device configurations itself unless sensitiveAllowed
        return switch (scope == null ? "all" : scope) {
            case "inventory" -> INVENTORY;
            case "knowledge" -> KNOWLEDGE;
            default -> java.util.stream.Stream.concat(INVENTORY.stream(), KNOWLEDGE.stream()).toList();
        };
    }

    /** Whether {@code tool} belongs to {@code scope}. */
    public static boolean inScope(String tool, String scope) {
        return scope == null || "all".equals(scope) || ("knowledge".equals(scope) == KNOWLEDGE_NAMES.contains(tool));
    }

    @Override
    public ToolOutcome call(String name, String inputJson, boolean sensitiveAllowed) {
        try {
            Args a = Args.parse(name, inputJson);
            EntityTools entities = new EntityTools(context.entities());
            return switch (name == null ? "" : name) {
                case "find_entities" -> entities.find(a);
                case "entity_detail" -> entities.detail(a, sensitiveAllowed);
                case "vms_on_host" -> entities.vmsOnHost(a);
                case "last_backup" -> entities.lastBackup(a);
                case "count_entities" -> entities.count(a);
                case "list_entities" -> entities.list(a);
                case "backups_missing" -> new ReportTools(context.reports(), context.entities(), entities).backupsMissing(a);
                case "run_report" -> new ReportTools(context.reports(), context.entities(), entities).runReport(a);
                case "sync_status" -> new SyncTools(context.sources()).status(a);
                case "search_knowledge" -> new KnowledgeTools(context.search(), context.knowledge(), context.entities()).search(a);
                case "entity_knowledge" -> new KnowledgeTools(context.search(), context.knowledge(), context.entities()).about(a);
                default -> ToolOutcome.failure("Unknown tool '" + name + "'; known: "
                        + specs("all", sensitiveAllowed).stream().map(ToolSpec::name).toList());
            };
        } catch (Args.BadInput e) {
            return ToolOutcome.failure(e.getMessage());
        } catch (com.enreach.tools.api.ApiException e) {
            return ToolOutcome.failure(name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return ToolOutcome.failure(name + " failed: " + e);
        }
    }
}

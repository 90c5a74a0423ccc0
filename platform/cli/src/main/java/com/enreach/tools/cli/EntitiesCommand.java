package com.enreach.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach entities}: the unified inventory, one entity per real thing, with every source that knows it. */
@Command(name = "entities", mixinStandardHelpOptions = true, description = "Resolved entities: one per real server, VM, switch, array...")
final class EntitiesCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List entities, filtered, searched, sorted and paged.")
    int list(@Option(names = "--type", paramLabel = "TYPE", description = "Entity type, e.g. server, vm, switch.") String type,
             @Option(names = "--source", paramLabel = "INSTANCE", description = "Only entities this source instance knows.") String source,
             @Option(names = "--status", paramLabel = "STATUS", description = "active or stale.") String status,
             @Option(names = "--site", paramLabel = "SITE", description = "Golden site (exact, any letter case).") String site,
             @Option(names = "--sort", paramLabel = "ORDER",
                     description = "name (default), -name, type, last_seen, -last_seen, sources, -sources.") String sort,
             @Option(names = {"-q", "--q"}, paramLabel = "TEXT", description = "Search names and identifiers (serial, UUID, FQDN, MAC, IP).") String q,
             @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/entities", Api.params("q", q, "type", type, "source", source, "status", status, "site", site,
                "sort", sort, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        EntityTables.entities(r.path("results")).print(root.out());
        page.printCount(root.out(), r, "entities");
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"One entity: golden attributes with their source and rule, the other sources' values, observations, "
                    + "interfaces, IPs, facts, configurations, volumes, backups, decisions and conflicts.",
                "When the name matches several entities, they are listed and the exit code is 7."})
    int show(@Parameters(paramLabel = "ENTITY", description = "Entity id, name, FQDN, serial, UUID, MAC or IP address.") String entity) {
        long id = EntityRef.id(root, entity);
        JsonNode d = root.api().get("/api/entities/" + id);
        if (root.json()) {
            root.printJson(d);
        } else {
            new EntityView(root.out()).print(d);
        }
        return ExitCodes.OK;
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Re-resolve every observation from scratch (after a rule change); manual decisions are kept. Needs an admin token.")
    int rebuild() {
        JsonNode r = root.api().post("/api/entities/rebuild", null);
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        root.out().printf("Rebuilt %s observations into %s entities (%s created, %s removed); %s open identity conflicts; took %s%n",
                Json.text(r, "observations"), Json.text(r, "entities"), Json.text(r, "created"), Json.text(r, "removed"), Json.text(r, "conflicts"),
                Format.duration(r.path("millis").asLong() / 1000));
        root.out().flush();
        return ExitCodes.OK;
    }
}

package com.enreach.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach oxidized}: network devices backed up by Oxidized; its {@code refresh} is added by {@link KindVerbs}. */
@Command(name = "oxidized", mixinStandardHelpOptions = true, description = "Oxidized sources and the network devices they back up.")
final class OxidizedCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Devices known from Oxidized, with their last backup status.")
    int list(@Option(names = "--q", paramLabel = "TEXT", description = "Only names containing TEXT.") String q,
             @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/devices", Api.params("source_system", "oxidized", "q", q,
                "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("NAME", "IP", "MODEL", "LAST STATUS", "LAST BACKUP", "INSTANCE", "STATUS");
        for (JsonNode d : r.path("results")) {
            JsonNode m = d.path("metadata");
            t.row(Json.text(d, "name"), Json.text(m, "ip"), Json.text(m, "model"), Json.text(m, "last_status"),
                    Format.time(m, "last_backup_time"), Json.text(d, "source_instance"), Json.text(d, "status"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "devices");
        return ExitCodes.OK;
    }
}

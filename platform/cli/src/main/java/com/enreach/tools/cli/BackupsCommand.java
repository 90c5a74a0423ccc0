package com.enreach.tools.cli;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach backups}: backup clients with their last job, and refreshing the backup sources. */
@Command(name = "backups", mixinStandardHelpOptions = true, description = "Backups (Commvault clients and VMs).")
final class BackupsCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "refresh", mixinStandardHelpOptions = true, description = "Sync every live commvault instance.")
    int refresh(@Mixin RunOptions options) {
        return new Refresher(root).refresh(List.of("commvault"), options);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List backup clients with their last job.")
    int list(@Option(names = "--status", paramLabel = "STATUS", description = "Only with this last job status, e.g. failed.") String status,
             @Option(names = "--instance", paramLabel = "INSTANCE", description = "Only from this source instance.") String instance,
             @Option(names = "--q", paramLabel = "TEXT", description = "Only clients, hosts or VMs containing TEXT.") String q,
             @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/backups", Api.params("last_status", status, "source_instance", instance, "q", q,
                "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "CLIENT", "HOST/VM", "LAST JOB", "LAST END", "SIZE", "LAST SUCCESS", "STATUS", "INSTANCE");
        for (JsonNode b : r.path("results")) {
            JsonNode job = b.path("last_job");
            String host = Json.text(b, "vm_name").isEmpty() ? Json.text(b, "host_name") : Json.text(b, "vm_name");
            t.row(Json.text(b, "id"), Json.text(b, "client_name"), host,
                    Json.text(job, "status") + (Json.text(job, "level").isEmpty() ? "" : " (" + Json.text(job, "level") + ")"),
                    Format.time(job, "end"), Format.bytes(job, "size_bytes"), Format.time(b, "last_success_at"), Json.text(b, "status"),
                    Json.text(b, "source_instance"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "backup clients");
        return ExitCodes.OK;
    }
}

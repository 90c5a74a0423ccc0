package com.enreach.tools.cli;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach storage}: storage arrays' volumes, and refreshing the storage sources. */
@Command(name = "storage", mixinStandardHelpOptions = true, description = "Storage volumes (Huawei Dorado, NetApp ONTAP).")
final class StorageCommand {
    /** Array families; netapp is the product name of kind ontap (see SourceKinds). Lower case because users type them. */
    enum Type {
        dorado, netapp, ontap
    }

    @ParentCommand
    Enreach root;

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Sync every live storage instance: kinds dorado and ontap, or only those of --type."})
    int refresh(@Option(names = "--type", paramLabel = "TYPE", description = "dorado, netapp or ontap (netapp = ontap).") Type type,
                @Mixin RunOptions options) {
        List<String> kinds = type == null ? List.of("dorado", "ontap") : List.of(SourceKinds.kindOf(type.name()));
        return new Refresher(root).refresh(kinds, options);
    }

    @Command(name = "volumes", mixinStandardHelpOptions = true, description = "List volumes, LUNs, file systems and qtrees.")
    int volumes(@Option(names = "--kind", paramLabel = "KIND", description = "lun, filesystem, volume or qtree.") String kind,
                @Option(names = "--instance", paramLabel = "INSTANCE", description = "Only from this source instance.") String instance,
                @Option(names = "--source-system", paramLabel = "KIND", description = "Only from this plugin kind (dorado, ontap).") String system,
                @Option(names = "--status", paramLabel = "STATUS", description = "active, stale or quarantined.") String status,
                @Option(names = "--q", paramLabel = "TEXT", description = "Only names containing TEXT.") String q,
                @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/storage/volumes", Api.params("kind", kind, "source_instance", instance,
                "source_system", system, "status", status, "q", q, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "ARRAY", "NAME", "KIND", "POOL/SVM", "CAPACITY", "USED", "HEALTH", "STATUS", "INSTANCE");
        for (JsonNode v : r.path("results")) {
            String where = Json.text(v, "svm").isEmpty() ? Json.text(v, "pool") : Json.text(v, "svm");
            t.row(Json.text(v, "id"), Json.text(v, "array_name"), Json.text(v, "name"), Json.text(v, "kind"), where,
                    Format.bytes(v, "capacity_bytes"), Format.bytes(v, "used_bytes"), Json.text(v, "health"), Json.text(v, "status"),
                    Json.text(v, "source_instance"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "volumes");
        return ExitCodes.OK;
    }
}

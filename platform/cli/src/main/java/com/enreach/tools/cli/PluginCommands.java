package com.enreach.tools.cli;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The per-system verbs of the product plan ({@code enreach vcenter refresh}...): aliases of {@code refresh <kind>}. */
final class PluginCommands {
    private PluginCommands() {
    }

    static int refresh(Enreach root, String kind, RunOptions options) {
        return new Refresher(root).refresh(List.of(kind), options);
    }

    /**
     * One product verb per source system: {@code enreach <verb> refresh} syncs every live instance of its kind.
     * The refresh command is declared once here; picocli finds it on each subclass.
     */
    abstract static class KindVerb {
        @ParentCommand
        Enreach root;

        /** The plugin kind the verb stands for. */
        abstract String kind();

        @Command(name = "refresh", mixinStandardHelpOptions = true, description = "Sync every live instance of this source kind (= refresh <kind>).")
        public int refresh(@Mixin RunOptions options) {
            return PluginCommands.refresh(root, kind(), options);
        }
    }

    @Command(name = "vcenter", mixinStandardHelpOptions = true, description = "VMware vCenter sources.")
    static final class Vcenter extends KindVerb {
        @Override
        String kind() {
            return "vcenter";
        }
    }

    @Command(name = "foreman", mixinStandardHelpOptions = true, description = "Foreman sources.")
    static final class Foreman extends KindVerb {
        @Override
        String kind() {
            return "foreman";
        }
    }

    @Command(name = "puppet", mixinStandardHelpOptions = true, description = "PuppetDB sources.")
    static final class Puppet extends KindVerb {
        @Override
        String kind() {
            return "puppetdb";
        }
    }

    @Command(name = "commvault", mixinStandardHelpOptions = true, description = "Commvault sources (see also 'backups').")
    static final class Commvault extends KindVerb {
        @Override
        String kind() {
            return "commvault";
        }
    }

    @Command(name = "oxidized", mixinStandardHelpOptions = true, description = "Oxidized sources and the network devices they back up.")
    static final class Oxidized extends KindVerb {
        @Override
        String kind() {
            return "oxidized";
        }

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
}

package com.enreach.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach devices}: list, show, and configuration versions of devices. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "Devices of the master database.")
final class DevicesCommand {
    private static final String DEVICE_HELP = "Device id, or its exact name.";

    @ParentCommand
    Enreach root;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List devices, filtered and paged.")
    int list(@Option(names = "--type", paramLabel = "TYPE", description = "Device type, e.g. server, vm, switch.") String type,
             @Option(names = "--source-system", paramLabel = "KIND", description = "Plugin kind that reported it, e.g. vcenter.") String system,
             @Option(names = "--instance", paramLabel = "INSTANCE", description = "Source instance that reported it.") String instance,
             @Option(names = "--status", paramLabel = "STATUS", description = "active, stale or quarantined.") String status,
             @Option(names = "--q", paramLabel = "TEXT", description = "Only names containing TEXT.") String q,
             @Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/devices", Api.params("type", type, "source_system", system, "source_instance", instance,
                "status", status, "q", q, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "NAME", "TYPE", "SOURCE INSTANCE", "STATUS");
        for (JsonNode d : r.path("results")) {
            t.row(Json.text(d, "id"), Json.text(d, "name"), Json.text(d, "type"), Json.text(d, "source_instance"), Json.text(d, "status"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "devices");
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Everything known about a device: metadata, relationships, the same host in other sources, "
                    + "interfaces, IPs, facts, configurations, volumes, backups.")
    int show(@Parameters(paramLabel = "DEVICE", description = DEVICE_HELP) String device) {
        JsonNode d = root.api().get(devicePath(device));
        if (root.json()) {
            root.printJson(d);
        } else {
            new DeviceView(root.out()).print(d);
        }
        return ExitCodes.OK;
    }

    @Command(name = "configs", mixinStandardHelpOptions = true, description = "Configuration versions of a device, newest first.")
    int configs(@Parameters(paramLabel = "DEVICE", description = DEVICE_HELP) String device) {
        JsonNode r = root.api().get(devicePath(device) + "/configs");
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        if (r.isEmpty()) {
            root.out().println("No configuration versions for " + device);
        } else {
            Table t = new Table("VERSION", "RETRIEVED", "LINES", "HASH");
            for (JsonNode c : r) {
                t.row(Json.text(c, "version"), Format.time(c, "retrieved_at"), Json.text(c, "lines"), Format.hash(c, "content_hash"));
            }
            t.print(root.out());
        }
        root.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Print one configuration version as stored.")
    int config(@Parameters(index = "0", paramLabel = "DEVICE", description = DEVICE_HELP) String device,
               @Parameters(index = "1", paramLabel = "VERSION", description = "Version number (see 'devices configs').") int version) {
        JsonNode c = root.api().get(devicePath(device) + "/configs/" + version);
        if (root.json()) {
            root.printJson(c);
        } else {
            printText(Json.text(c, "text"));
        }
        return ExitCodes.OK;
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Unified diff between two configuration versions (default: the newest and the one before).")
    int diff(@Parameters(paramLabel = "DEVICE", description = DEVICE_HELP) String device,
             @Option(names = "--from", paramLabel = "N", description = "Older version (default: the one before --to).") Integer from,
             @Option(names = "--to", paramLabel = "M", description = "Newer version (default: the newest).") Integer to) {
        JsonNode r = root.api().get(Api.query(devicePath(device) + "/configs/diff", Api.params("from", from, "to", to)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        String diff = Json.text(r, "diff");
        if (diff.isEmpty()) {
            root.err().println("No differences between version " + Json.text(r, "from") + " and " + Json.text(r, "to"));
            root.err().flush();
        } else {
            printText(diff);
        }
        return ExitCodes.OK;
    }

    /** A stored document as its lines (CRLF shown as a line break; other control characters escaped by out()). */
    private void printText(String stored) {
        String text = stored.replace("\r\n", "\n");
        root.out().print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        root.out().flush();
    }

    private static String devicePath(String device) {
        return "/api/devices/" + Api.segment(device);
    }
}

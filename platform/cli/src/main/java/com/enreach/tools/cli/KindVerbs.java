package com.enreach.tools.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The per-kind verbs, {@code enreach <verb> refresh} = {@code refresh <kind>}. The product verbs below always exist
 * and have their own help section; any other kind gets the same verb when the running platform reports it (see
 * {@link KindVerbResolver}), so a newly deployed plugin needs no CLI change.
 */
final class KindVerbs {
    /** Help section listing the verbs, after the commands. */
    static final String SECTION = "sourceVerbs";

    /** The product verbs, in help order, with their description; the kind is {@link SourceKinds#kindOf} the verb. */
    private static final Map<String, String> PRODUCT = new LinkedHashMap<>();

    static {
        PRODUCT.put("vcenter", "VMware vCenter sources.");
        PRODUCT.put("foreman", "Foreman sources.");
        PRODUCT.put("puppet", "PuppetDB sources (kind puppetdb).");
        PRODUCT.put("oxidized", "Oxidized sources; 'oxidized list' shows the devices they back up.");
        PRODUCT.put("commvault", "Commvault sources (see also 'backups').");
    }

    private KindVerbs() {
    }

    /** Adds the product verbs to the root command, hidden from the command list and shown in their own section. */
    static void addProductVerbs(CommandLine cl, Enreach root) {
        PRODUCT.forEach((name, description) -> {
            CommandLine verb = name.equals("oxidized") ? new CommandLine(new OxidizedCommand()) : bare(name, description);
            verb.addSubcommand(KindRefresh.of(root, SourceKinds.kindOf(name)));
            verb.getCommandSpec().usageMessage().hidden(true);
            cl.addSubcommand(name, verb);
        });
        cl.getHelpSectionMap().put(SECTION, help -> {
            Map<String, String> rows = new LinkedHashMap<>(PRODUCT);
            rows.put("<kind>", "Any other source kind the platform reports (see 'enreach sources').");
            return help.createHeading("%nSource verbs (<verb> refresh = refresh <kind>; --confirm, --no-wait):%n")
                    + help.createTextTable(rows);
        });
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST) + 1, SECTION);
        cl.setHelpSectionKeys(keys);
    }

    /** The verb of a kind the platform reports, built when it is typed. */
    static CommandLine forKind(Enreach root, String name) {
        String kind = SourceKinds.kindOf(name);
        CommandLine verb = bare(name, "Sources of kind " + kind + " (reported by the running platform).");
        verb.addSubcommand(KindRefresh.of(root, kind));
        return verb;
    }

    /** A verb that only holds subcommands. */
    private static CommandLine bare(String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        spec.usageMessage().description(description);
        return new CommandLine(spec);
    }
}

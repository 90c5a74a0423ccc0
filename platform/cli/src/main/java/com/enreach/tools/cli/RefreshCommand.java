package com.enreach.tools.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach refresh <kind>}: sync every live instance of a plugin kind. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Sync every live (configured, enabled) instance of a plugin kind, one after another.",
            "KIND is any source kind of the platform (see 'enreach sources'): vcenter, foreman, puppetdb, oxidized,",
            "commvault, dorado, ontap, demo or any other installed plugin; puppet and netapp stand for puppetdb and ontap.",
            "Exit code: the highest of the instances' codes; 6 when the kind has no live instance."})
final class RefreshCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(paramLabel = "KIND", description = "Source kind, e.g. vcenter.")
    String kind;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return new Refresher(root).refresh(List.of(SourceKinds.kindOf(kind)), options);
    }
}

package com.enreach.tools.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code enreach <verb> refresh}: the same as {@code refresh <kind>}, one instance per verb (see {@link KindVerbs}). */
@Command(name = "refresh", mixinStandardHelpOptions = true)
final class KindRefresh implements Callable<Integer> {
    private final Enreach root;
    private final String kind;

    @Mixin
    RunOptions options;

    private KindRefresh(Enreach root, String kind) {
        this.root = root;
        this.kind = kind;
    }

    /** The refresh subcommand of kind {@code kind}, with its help naming the kind. */
    static CommandLine of(Enreach root, String kind) {
        CommandLine cl = new CommandLine(new KindRefresh(root, kind));
        cl.getCommandSpec().usageMessage().description(
                "Sync every live instance of source kind " + kind + ", one after another (= refresh " + kind + ").");
        return cl;
    }

    @Override
    public Integer call() {
        return new Refresher(root).refresh(List.of(kind), options);
    }
}

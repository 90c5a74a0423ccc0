package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach start}: the platform in the foreground. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run Enreach Tools in the foreground until Ctrl-C (or SIGTERM).",
            "Plugins are read from <home>/deploy, configuration from <home>/etc, data goes to <home>/data."})
final class StartCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Option(names = "--shell", description = "Also open the Felix Gogo shell on this terminal (lb, scr:list, cm:...).")
    boolean shell;

    @Override
    public Integer call() {
        return PlatformRunner.run(root, shell, p -> { });
    }
}

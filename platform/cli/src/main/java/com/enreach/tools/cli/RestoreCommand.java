package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach restore}: puts a backup back into a stopped home; what it replaces is moved aside, not deleted. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup written by 'enreach backup' into this home. Refuses while the platform runs here.",
            "Checks the backup first (checksum, SQLite integrity, a schema this release knows); then the current database (with its",
            "WAL) becomes data/enreach.db.before-restore-<time>; etc/ files the backup lacks or has otherwise move to etc.before-restore-<time>/."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup (.zip).")
    Path file;

    @Option(names = "--db-only", description = "Restore the database only; keep etc/ as it is.")
    boolean dbOnly;

    @Override
    public Integer call() throws IOException {
        BackupArchive.Restored r = BackupArchive.restore(root.home(), file.toAbsolutePath(), !dbOnly, Instant.now());
        if (root.json()) {
            ObjectNode n = Json.MAPPER.createObjectNode().put("schema_version", r.schemaVersion())
                    .put("previous_database", r.previousDatabase() == null ? null : r.previousDatabase().toString())
                    .put("previous_etc", r.previousEtc() == null ? null : r.previousEtc().toString()).put("etc_files", r.etcFiles());
            n.set("counts", Json.MAPPER.valueToTree(r.counts()));
            root.printJson(n);
            return ExitCodes.OK;
        }
        root.out().println("Restored " + file + " into " + root.home() + " (schema v" + r.schemaVersion() + ", " + BackupCommand.summary(r.counts())
                + (r.etcFiles() > 0 ? ", " + r.etcFiles() + " files of etc/ written" : "") + ").");
        if (r.previousDatabase() != null) {
            root.out().println("The database it replaced is kept as " + r.previousDatabase());
        }
        if (r.previousEtc() != null) {
            root.out().println("The configuration it replaced is kept in " + r.previousEtc());
        }
        root.out().println("Start the platform to use it; the vector index is rebuilt from the database if it does not match.");
        root.out().flush();
        return ExitCodes.OK;
    }
}

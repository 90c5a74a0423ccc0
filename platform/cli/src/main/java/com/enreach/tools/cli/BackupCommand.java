package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach backup}: a consistent backup of the home's database and configuration, also while it runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up this home's master database and etc/ into one zip (online: safe while the platform runs and syncs write).",
            "The database is a consistent snapshot (SQLite VACUUM INTO), never a copy of the live files. The vector index is not in",
            "it (rebuilt from the database on start); the secret key file is not either (back it up separately).",
            "Restore with 'enreach restore FILE'. Not to be confused with 'enreach backups' (the Commvault jobs of the estate)."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Option(names = "--to", paramLabel = "FILE|DIR", description = "A .zip file to write, or a folder for enreach-backup-<UTC time>.zip (default <home>/backups).")
    Path to;

    @Option(names = "--keep", paramLabel = "N", description = "Then keep only the newest N backups of that folder (default: keep all).")
    int keep;

    @Option(names = "--db-only", description = "Leave etc/ out.")
    boolean dbOnly;

    @Override
    public Integer call() throws IOException {
        if (keep < 0) {
            throw new CliException(ExitCodes.USAGE, "--keep must be 0 (keep all) or more, got " + keep);
        }
        BackupArchive.Written w = BackupArchive.write(root.home(), to, !dbOnly, keep, Instant.now());
        if (root.json()) {
            ObjectNode n = Json.MAPPER.createObjectNode().put("file", w.file().toString()).put("bytes", w.bytes()).put("schema_version", w.schemaVersion());
            n.set("counts", Json.MAPPER.valueToTree(w.counts()));
            n.set("removed", Json.MAPPER.valueToTree(w.removed().stream().map(Path::toString).toList()));
            root.printJson(n);
            return ExitCodes.OK;
        }
        root.out().println("Backup written: " + w.file() + " (" + Format.bytes((double) w.bytes()) + ", schema v" + w.schemaVersion() + ", "
                + summary(w.counts()) + ")");
        for (Path r : w.removed()) {
            root.out().println("Removed older backup " + r);
        }
        root.out().flush();
        return ExitCodes.OK;
    }

    /** The rows people recognise. */
    static String summary(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder();
        for (String t : new String[] {"devices", "entities", "sync_runs", "kb_articles", "kb_tickets"}) {
            if (counts.containsKey(t)) {
                b.append(b.length() == 0 ? "" : ", ").append(counts.get(t)).append(' ').append(t.replace('_', ' '));
            }
        }
        return b.toString();
    }
}

package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.plugin.SecretException;
import com.enreach.tools.api.plugin.SecretKeyFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach db}: the master database file, worked on by this release's code without the platform: the state of
 * its migrations, migrating it (deployments do this before starting a new release), a consistent copy, row counts, a
 * copy into PostgreSQL.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The master database file, without the platform: migrations (info, migrate), a consistent copy, row counts, a copy to PostgreSQL.")
final class DbCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"The schema version and the migrations this release ships against the database: pending, and any the database",
                "has that this release does not know (a newer release migrated it). Validates the applied ones (Flyway).",
                "Exit code 1 when the database is not valid for this release."})
    int info(@Option(names = "--file", paramLabel = "DB", description = "Another database file (default <home>/data/enreach.db), e.g. a copy.") Path file) {
        Path db = file(file);
        Map<String, Object> info;
        try (OfflineDb odb = OfflineDb.of(root.home())) {
            info = odb.info(db);
        }
        boolean valid = Boolean.TRUE.equals(info.get("valid"));
        if (root.json()) {
            root.printJson(Json.MAPPER.valueToTree(info));
        } else {
            root.out().println(db + ": schema v" + info.get("schema_version") + ", " + info.get("applied") + " migrations applied, "
                    + ((List<?>) info.get("pending")).size() + " pending" + (((List<?>) info.get("pending")).isEmpty() ? "" : " " + info.get("pending")));
            root.out().println(valid ? "Valid for this release." : "NOT valid for this release: " + info.get("problem"));
            root.out().flush();
        }
        return valid ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Apply this release's pending migrations to the database (the platform also does this when it starts).",
                "Refuses while the platform runs on this home's database."})
    int migrate(@Option(names = "--file", paramLabel = "DB", description = "Another database file (default <home>/data/enreach.db), e.g. a copy.") Path file)
            throws IOException {
        Path db = file(file);
        if (file == null) {
            BackupArchive.refuseRunning(root.home(), "migrate");
        }
        Map<String, Object> r;
        try (OfflineDb odb = OfflineDb.of(root.home())) {
            r = odb.migrate(db);
        } catch (CliException e) {
            throw new CliException(ExitCodes.FAILED, "migrating " + db + " failed: " + e.getMessage());
        }
        if (root.json()) {
            root.printJson(Json.MAPPER.valueToTree(r));
        } else {
            root.out().println(db + ": " + r.get("migrations_executed") + " migrations applied, schema now v" + r.get("schema_version") + ".");
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the database (SQLite VACUUM INTO), also while the platform runs.")
    int snapshot(@Option(names = "--to", required = true, paramLabel = "FILE", description = "The new file (must not exist).") Path to) {
        Path db = file(null);
        try (OfflineDb odb = OfflineDb.of(root.home())) {
            odb.snapshot(db, to.toAbsolutePath());
        }
        root.out().println("Consistent copy of " + db + " written to " + to.toAbsolutePath());
        root.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "migrate-to-postgres", mixinStandardHelpOptions = true,
            description = {"Copy the master database into an empty PostgreSQL database: this release's PostgreSQL schema is created there",
                "first, then every table is copied in one transaction and the row counts are compared per table; on any",
                "difference nothing is kept. A database that already holds rows is refused. Refuses while the platform runs on",
                "this home's database (what it writes after the copy would be lost). The platform itself still runs on SQLite:",
                "see docs/scaling.md."})
    int migrateToPostgres(
            @Option(names = "--url", required = true, paramLabel = "JDBC_URL", description = "e.g. jdbc:postgresql://db.example.com:5432/enreach") String url,
            @Option(names = "--user", required = true, paramLabel = "USER", description = "A role that may create tables in the database.") String user,
            @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "ENREACH_PG_PASSWORD",
                    description = "The environment variable holding the password, plain or ENC(...) from 'enreach secret encrypt' (default ${DEFAULT-VALUE};"
                            + " unset: no password).") String passwordEnv,
            @Option(names = "--file", paramLabel = "DB", description = "Another database file (default <home>/data/enreach.db), e.g. a copy.") Path file)
            throws IOException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new CliException(ExitCodes.USAGE, "--url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), got " + url);
        }
        Path db = file(file);
        if (file == null) {
            BackupArchive.refuseRunning(root.home(), "copy to PostgreSQL from");
        }
        String password = password(passwordEnv);
        Map<String, Object> r;
        try (OfflineDb odb = OfflineDb.of(root.home(), true)) {
            r = odb.migrateToPostgres(db, url, user, password);
        } catch (CliException e) {
            throw new CliException(ExitCodes.FAILED, "copying " + db + " to PostgreSQL failed: " + e.getMessage());
        }
        if (root.json()) {
            root.printJson(Json.MAPPER.valueToTree(r));
            return ExitCodes.OK;
        }
        Table t = new Table("TABLE", "SQLITE", "POSTGRESQL");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) r.get("tables");
        tables.forEach((k, v) -> t.row(k, String.valueOf(v.get("sqlite")), String.valueOf(v.get("postgresql"))));
        t.print(root.out());
        root.out().println(db + " copied to " + url + ": " + r.get("rows") + " rows in " + r.get("seconds") + " s, schema v" + r.get("schema_version")
                + ", row counts equal in every table.");
        root.out().flush();
        return ExitCodes.OK;
    }

    /** The password from the environment variable, decrypted when it is ENC(...); null when the variable is unset. */
    private String password(String variable) {
        String value = root.env(variable);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!SecretKeyFile.isEncrypted(value)) {
            return value;
        }
        Path keyFile = SecretKeyFile.locate(System::getProperty, root::env, root.home());
        try {
            return SecretKeyFile.load(keyFile).decrypt(value);
        } catch (SecretException e) {
            throw new CliException(ExitCodes.FAILED, variable + ": " + e.getMessage());
        }
    }

    @Command(name = "counts", mixinStandardHelpOptions = true, description = "Rows per table.")
    int counts(@Option(names = "--file", paramLabel = "DB", description = "Another database file (default <home>/data/enreach.db).") Path file) {
        Path db = file(file);
        Map<String, Long> counts;
        try (OfflineDb odb = OfflineDb.of(root.home())) {
            counts = odb.counts(db);
        }
        if (root.json()) {
            root.printJson(Json.MAPPER.valueToTree(counts));
            return ExitCodes.OK;
        }
        Table t = new Table("TABLE", "ROWS");
        counts.forEach((k, v) -> t.row(k, Long.toString(v)));
        t.print(root.out());
        return ExitCodes.OK;
    }

    private Path file(Path file) {
        if (file == null) {
            OfflineDb.refusePostgresqlHome(root.home()); // the home's own database; --file works on any SQLite copy
        }
        Path db = file == null ? root.home().resolve("data").resolve("enreach.db") : file.toAbsolutePath();
        if (!java.nio.file.Files.isRegularFile(db)) {
            throw new CliException(ExitCodes.NOT_FOUND, "no database at " + db);
        }
        return db;
    }
}

package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code enreach}: runs the platform and talks to its REST API. Holds the global options and what every command
 * shares (output, the API client, the environment); each command group lives in its own class.
 */
@Command(name = "enreach", mixinStandardHelpOptions = true, versionProvider = Enreach.Version.class,
        description = "Enreach Tools: the infrastructure inventory master database.",
        subcommands = {StartCommand.class, DemoCommand.class, StatusCommand.class, SourcesCommand.class, SyncCommand.class,
            RefreshCommand.class, BackupsCommand.class, StorageCommand.class, DevicesCommand.class, HistoryCommand.class, TokenCommand.class,
            EntitiesCommand.class, ConflictsCommand.class, MergeCommand.class, SplitCommand.class, DecisionsCommand.class, ReportCommand.class,
            SearchCommand.class, KbCommand.class, IssuesCommand.class, NetBoxCommand.class, AskCommand.class, AiCommand.class,
            BackupCommand.class, RestoreCommand.class, DbCommand.class, SecretCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:ok",
            "1:the operation ran and failed (sync run failed or cancelled, connection check failed, the assistant could not answer)",
            "2:usage error, or the server refused the request as invalid (HTTP 400/409)",
            "3:platform not reachable (not running, wrong --host/--port) or could not start",
            "4:sync needs confirmation (delete budget exceeded): re-run with --confirm",
            "5:authentication or authorization failed (HTTP 401/403)",
            "6:not found (HTTP 404), or no live instance to act on",
            "7:a name, FQDN or IP matched several entities (the candidates are printed; name one by id)"},
        footer = {"", "The API token comes from ENREACH_TOKEN, else <home>/etc/admin.token. See docs/cli.md."})
public final class Enreach {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";

    /** Sleeps between polls; replaced in tests. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Installation directory (env ENREACH_HOME; default: the current directory).")
    Path home;

    @Option(names = "--port", scope = ScopeType.INHERIT, paramLabel = "PORT",
            description = "HTTP port of the platform (env ENREACH_PORT; default 8080).")
    Integer port;

    @Option(names = "--host", scope = ScopeType.INHERIT, paramLabel = "HOST", defaultValue = DEFAULT_HOST,
            description = "Address the platform listens on / is reached at (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine output: JSON on stdout.")
    boolean json;

    private final Function<String, String> env;
    private final Sleeper sleeper;
    private final boolean terminal;
    private final LongSupplier clockMillis;
    /** Standard input; replaced in tests. */
    java.io.InputStream stdin = System.in;
    private Api api;
    private PrintWriter outSink;
    private PrintWriter out;
    private PrintWriter errSink;
    private PrintWriter err;

    /** The real environment. */
    public Enreach() {
        this(System::getenv, d -> Thread.sleep(d.toMillis()), System.console() != null, System::currentTimeMillis);
    }

    Enreach(Function<String, String> env, Sleeper sleeper, boolean terminal, LongSupplier clockMillis) {
        this.env = env;
        this.sleeper = sleeper;
        this.terminal = terminal;
        this.clockMillis = clockMillis;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Enreach()).execute(args));
    }

    /**
     * The configured command line: the source verbs added, our exceptions become their exit code and a message on
     * stderr, and an unknown first word is tried as a source kind of the platform.
     */
    static CommandLine commandLine(Enreach root) {
        CommandLine cl = new CommandLine(root);
        KindVerbs.addProductVerbs(cl, root);
        // 'netbox refresh' syncs the NetBox source kind like any other kind's verb; the rest of 'netbox' is the pipeline.
        cl.getSubcommands().get("netbox").addSubcommand(KindRefresh.of(root, "netbox"));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // The root stops at an unknown word, so "netbox refresh" is not half-parsed as the 'refresh' command.
        cl.getCommandSpec().parser().stopAtUnmatched(true);
        cl.setParameterExceptionHandler(new KindVerbResolver(root, cl.getParameterExceptionHandler()));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // The message may quote the server (a source's error text): escaped like all output.
            PrintWriter err = TerminalText.writer(cmd.getErr());
            if (e instanceof CliException c) {
                err.println("enreach: " + c.getMessage());
                err.flush();
                return c.exitCode();
            }
            err.println("enreach: unexpected error: " + e);
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl;
    }

    Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String h = env.apply("ENREACH_HOME");
        return Path.of(h == null || h.isBlank() ? "" : h).toAbsolutePath().normalize();
    }

    int port() {
        if (port != null) {
            return checkPort(port, "--port");
        }
        String p = env.apply("ENREACH_PORT");
        if (p == null || p.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return checkPort(Integer.parseInt(p.trim()), "ENREACH_PORT");
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "ENREACH_PORT must be a port number, got '" + p + "'");
        }
    }

    private static int checkPort(int p, String where) {
        if (p < 1 || p > 65535) {
            throw new CliException(ExitCodes.USAGE, where + " must be between 1 and 65535, got " + p);
        }
        return p;
    }

    /** The host; the default also when a parse stopped early (picocli applies defaults only to a complete parse). */
    String host() {
        return host == null ? DEFAULT_HOST : host;
    }

    String baseUrl() {
        String h = host();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port();
    }

    synchronized Api api() {
        if (api == null) {
            api = new Api(baseUrl(), new TokenSource(env, home()));
        }
        return api;
    }

    boolean json() {
        return json;
    }

    /** Standard output for people and --json alike: control characters in it are escaped (see TerminalText). */
    synchronized PrintWriter out() {
        PrintWriter sink = spec.commandLine().getOut();
        if (sink != outSink) {
            outSink = sink;
            out = TerminalText.writer(sink);
        }
        return out;
    }

    /** Standard error, escaped like {@link #out()}. */
    synchronized PrintWriter err() {
        PrintWriter sink = spec.commandLine().getErr();
        if (sink != errSink) {
            errSink = sink;
            err = TerminalText.writer(sink);
        }
        return err;
    }

    /** Redraws the current line of stderr (a progress bar): the one carriage return the CLI writes itself. */
    synchronized void redrawLine(String line) {
        PrintWriter e = err();
        errSink.print('\r');
        e.print(line);
    }

    /** Prints a JSON tree on stdout (the --json output). */
    void printJson(JsonNode n) {
        out().println(Json.write(n));
        out().flush();
    }

    /** An environment variable of this invocation (null when unset). */
    String env(String name) {
        return env.apply(name);
    }

    boolean terminal() {
        return terminal;
    }

    long nowMillis() {
        return clockMillis.getAsLong();
    }

    void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted");
        }
    }

    /** Version from the jar manifest; "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Enreach.class.getPackage().getImplementationVersion();
            return new String[] {"Enreach Tools " + (v == null ? "(development build)" : v)};
        }
    }
}

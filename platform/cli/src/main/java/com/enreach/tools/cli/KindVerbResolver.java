package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Gives a first word that is no command a second chance as a source kind: when the running platform reports that
 * kind, {@code enreach <kind> ...} runs as its verb; otherwise it is a usage error (exit 2) that lists the platform's
 * kinds. Only the root's first unmatched word gets here (the root stops at it): unknown options and mistakes inside
 * a command keep picocli's own message, and known commands and --help never ask the platform.
 */
final class KindVerbResolver implements IParameterExceptionHandler {
    private final Enreach root;
    private final IParameterExceptionHandler usual;

    KindVerbResolver(Enreach root, IParameterExceptionHandler usual) {
        this.root = root;
        this.usual = usual;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        String word = unknownVerb(ex);
        if (word == null) {
            return usual.handleParseException(ex, args);
        }
        CommandLine cl = ex.getCommandLine();
        List<String> suggestions = ((UnmatchedArgumentException) ex).getSuggestions();
        CommandLine verb = KindVerbs.forKind(root, word);
        // Settings given to the root reach only the subcommands it had then.
        verb.setOut(cl.getOut());
        verb.setErr(cl.getErr());
        verb.setColorScheme(cl.getColorScheme());
        cl.addSubcommand(word, verb);
        // Parsed again with the verb, so global options after it (--port, --home) apply before the platform is asked.
        ParameterException inVerb = null;
        try {
            cl.parseArgs(args);
        } catch (ParameterException e) {
            inVerb = e;
        }
        PrintWriter err = TerminalText.writer(cl.getErr());
        Set<String> kinds;
        try {
            kinds = SourceKinds.reported(root.api());
        } catch (CliException e) {
            err.println("enreach: '" + word + "' is not a command, and the platform could not be asked for its source kinds: "
                    + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        if (!kinds.contains(SourceKinds.kindOf(word))) {
            err.println("enreach: '" + word + "' is neither a command nor a source kind; " + SourceKinds.describe(kinds) + ".");
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
            }
            err.println("See 'enreach --help' for the commands.");
            err.flush();
            return ExitCodes.USAGE;
        }
        return inVerb != null ? usual.handleParseException(inVerb, args) : cl.execute(args);
    }

    /** The root's first unmatched argument when it is a word (not an option), else null. */
    private static String unknownVerb(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || ex.getCommandLine().getParent() != null || u.getUnmatched().isEmpty()) {
            return null;
        }
        String word = u.getUnmatched().get(0);
        boolean known = ex.getCommandLine().getSubcommands().containsKey(word);
        return word.isBlank() || word.startsWith("-") || known ? null : word;
    }
}

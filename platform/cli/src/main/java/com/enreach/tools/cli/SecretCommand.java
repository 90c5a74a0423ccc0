package com.enreach.tools.cli;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.enreach.tools.api.plugin.SecretException;
import com.enreach.tools.api.plugin.SecretKeyFile;
import com.enreach.tools.api.plugin.SecretKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach secret}: encrypted secrets for configuration files ({@code password=ENC(...)}). Works offline, on the
 * key file, without the platform running. The secret is read from standard input or a prompt, never from an argument
 * (which would land in the shell history and in {@code ps}).
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {"Encrypt secrets for configuration files: password=ENC(...) instead of .password=<plain>.",
            "The key file is <home>/keys/secret.key, or the system property enreach.secret.keyfile (JAVA_OPTS), or",
            "ENREACH_SECRET_KEYFILE. See docs/configuration.md."})
final class SecretCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Read a secret (a prompt without echo on a terminal, else all of standard input without its final",
                "line break) and print its ENC(...) value on stdout. Creates the key file (mode 600) if there is none."})
    int encrypt() {
        Path where = keyFile();
        SecretKeyFile key;
        if (Files.exists(where)) {
            key = load(where);
        } else {
            try {
                key = SecretKeyFile.create(where);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                key = load(where); // made by another run meanwhile
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot create the key file " + where + ": " + e.getMessage());
            }
            root.err().println("Created the key file " + where + " (mode 600). Back it up apart from etc/ and data/: "
                    + "without it the ENC(...) values cannot be decrypted.");
        }
        char[] secret = readSecret();
        try {
            if (secret.length == 0) {
                throw new CliException(ExitCodes.USAGE, "no secret given: type it at the prompt or pipe it on standard input");
            }
            String value = key.encrypt(new String(secret));
            root.err().println("Encrypted with " + where + ". Write it in the configuration as, e.g., password=" + "ENC(...):");
            root.err().flush();
            root.out().println(value);
            root.out().flush();
            return ExitCodes.OK;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check that every ENC(...) value of configuration files decrypts with the key file, and that no",
                "secret is written in plain text under a public key. Prints no secret. Exit 1 when one fails."})
    int check(@Parameters(paramLabel = "FILE", arity = "1..*", description = "etc/*.cfg files.") Path[] files) {
        Path where = keyFile();
        SecretKeyFile key = null;
        SecretException keyProblem = null;
        int failed = 0;
        for (Path file : files) {
            Map<String, String> props = read(file);
            for (Map.Entry<String, String> e : props.entrySet()) {
                String k = e.getKey();
                String v = e.getValue();
                if (SecretKeyFile.isEncrypted(v)) {
                    if (key == null && keyProblem == null) {
                        try {
                            key = SecretKeyFile.load(where);
                        } catch (SecretException ex) {
                            keyProblem = ex;
                        }
                    }
                    try {
                        if (keyProblem != null) {
                            throw keyProblem;
                        }
                        key.decrypt(v);
                        root.out().println(file + ": " + k + ": ok" + (key.isCurrent(v) ? "" : " (encrypted with an older key of the file; 'enreach secret rotate' re-encrypts it)"));
                    } catch (SecretException ex) {
                        failed++;
                        root.out().println(file + ": " + k + ": " + ex.code() + ": " + ex.getMessage());
                    }
                } else if (!k.startsWith(".") && !k.endsWith("_env") && SecretKeys.isSecret(k) && !v.isBlank()) {
                    failed++;
                    root.out().println(file + ": " + k + ": insecure: a plain secret under a public key (shown by the console); "
                            + "use ." + k + "=... or " + k + "=ENC(...)");
                }
            }
        }
        root.out().flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Key rotation: put a new key first in the key file (the old keys stay, for decryption only) and",
                "re-encrypt every ENC(...) value of the configuration files with it, each file rewritten atomically with",
                "everything else unchanged. Checks first that every value decrypts, and changes nothing if one does not.",
                "A running platform picks the files up like any edit. Prints no secret."})
    int rotate(@Parameters(paramLabel = "FILE", arity = "0..*",
                    description = "Configuration files (default: every <home>/etc/*.cfg).") Path[] given,
            @picocli.CommandLine.Option(names = "--retire",
                    description = "Then drop the old keys from the key file. Backups taken before the rotation cannot be "
                        + "restored with their secrets afterwards, nor files not named here that still use an old key.") boolean retire) {
        Path where = keyFile();
        SecretKeyFile before = load(where);
        List<Path> files = given == null || given.length == 0 ? configFiles() : List.of(given);
        // 1. every value decrypts, or nothing changes
        Map<Path, String> texts = new java.util.LinkedHashMap<>();
        Map<Path, Map<String, String>> plain = new java.util.LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String text = readText(file);
            Map<String, String> values = new TreeMap<>();
            read(file).forEach((k, v) -> {
                if (SecretKeyFile.isEncrypted(v)) {
                    try {
                        values.put(k, before.decrypt(v));
                    } catch (SecretException e) {
                        problems.add(file + ": " + k + ": " + e.code() + ": " + e.getMessage());
                    }
                }
            });
            if (!values.isEmpty()) {
                texts.put(file, text);
                plain.put(file, values);
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(root.out()::println);
            root.out().flush();
            throw new CliException(ExitCodes.FAILED, problems.size() + " value(s) do not decrypt with " + where
                    + ": nothing was changed (fix or re-encrypt them with 'enreach secret encrypt' first)");
        }
        // 2. the new key, first in the file
        SecretKeyFile rotated;
        try {
            rotated = SecretKeyFile.rotate(where);
        } catch (SecretException | IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot rotate the key file " + where + ": " + e.getMessage());
        }
        root.out().println("New key in " + where + " (" + rotated.keyCount() + " keys: the new one encrypts, "
                + (rotated.keyCount() - 1) + " older decrypt only).");
        // 3. each file re-encrypted in place, checked, then renamed over the original
        int total = 0;
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            Path file = e.getKey();
            java.util.regex.Matcher m = ENC.matcher(e.getValue());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = m.group();
                try {
                    value = rotated.isCurrent(value) ? value : rotated.encrypt(rotated.decrypt(value));
                } catch (SecretException ex) {
                    // a commented-out or otherwise unused ENC(...) text that does not decrypt: left as it is
                }
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            writeChecked(file, out.toString(), plain.get(file), rotated);
            root.out().println(file + ": " + plain.get(file).size() + " value(s) re-encrypted");
            total += plain.get(file).size();
        }
        root.out().println(total + " value(s) in " + texts.size() + " file(s) now use the new key.");
        if (retire) {
            try {
                rotated.retire();
            } catch (IOException ex) {
                throw new CliException(ExitCodes.FAILED, "the values use the new key, but the old keys could not be dropped from "
                        + where + ": " + ex.getMessage());
            }
            root.out().println("Old keys dropped from " + where + ": backups from before this rotation no longer decrypt.");
        } else if (rotated.keyCount() > 1) {
            root.out().println("The old key(s) stay in " + where + " so that backups from before today still decrypt; "
                    + "drop them with 'enreach secret rotate --retire' once those are no longer needed.");
        }
        root.out().flush();
        return ExitCodes.OK;
    }

    /** {@code ENC(...)} as it appears in a file's text. */
    private static final java.util.regex.Pattern ENC = java.util.regex.Pattern.compile("ENC\\([A-Za-z0-9+/=\\s]*\\)");

    /**
     * Writes {@code text} to a new owner-only file beside {@code file}, checks that it reads back as the same properties
     * with every secret decrypting to the same value under the current key, and renames it over {@code file}.
     */
    private void writeChecked(Path file, String text, Map<String, String> expected, SecretKeyFile key) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // a name FileInstall ignores (it only reads *.cfg and *.config)
            tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".rotate");
            Files.writeString(tmp, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.StandardOpenOption.SYNC);
            Map<String, String> after = read(tmp);
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String v = after.get(e.getKey());
                if (v == null || !key.isCurrent(v) || !e.getValue().equals(key.decrypt(v))) {
                    throw new CliException(ExitCodes.FAILED, file + ": " + e.getKey() + " did not re-encrypt cleanly; the file "
                            + "was not changed (its values still decrypt with the old key, which the key file keeps)");
                }
            }
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions here: nothing to keep
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | SecretException e) {
            throw new CliException(ExitCodes.FAILED, "cannot rewrite " + file + ": " + e.getMessage()
                    + " (the file is unchanged; its values still decrypt with the old key, which the key file keeps)");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover dot-file FileInstall ignores
                }
            }
        }
    }

    private List<Path> configFiles() {
        Path etc = root.home().resolve("etc");
        try (java.util.stream.Stream<Path> all = Files.list(etc)) {
            return all.filter(f -> f.getFileName().toString().endsWith(".cfg") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot list " + etc + ": " + e.getMessage());
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private Path keyFile() {
        return SecretKeyFile.locate(System::getProperty, root::env, root.home());
    }

    private static SecretKeyFile load(Path where) {
        try {
            return SecretKeyFile.load(where);
        } catch (SecretException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage());
        }
    }

    /** From the console without echo when there is one; else standard input up to its end, without the final line break. */
    private char[] readSecret() {
        Console console = root.terminal() ? System.console() : null;
        if (console != null) {
            char[] s = console.readPassword("Secret to encrypt (not shown): ");
            return s == null ? new char[0] : s;
        }
        try (Reader in = new java.io.InputStreamReader(root.stdin, StandardCharsets.UTF_8)) {
            CharBuffer buf = CharBuffer.allocate(64 * 1024);
            while (buf.hasRemaining() && in.read(buf) >= 0) {
                // read on
            }
            buf.flip();
            int end = buf.limit();
            if (end > 0 && buf.get(end - 1) == '\n') {
                end--;
                if (end > 0 && buf.get(end - 1) == '\r') {
                    end--;
                }
            }
            char[] s = new char[end];
            buf.get(s, 0, end);
            Arrays.fill(buf.array(), '\0');
            return s;
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read the secret from standard input: " + e.getMessage());
        }
    }

    /** A configuration file as FileInstall reads it (properties syntax, UTF-8), in key order. */
    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v).strip()));
        return out;
    }
}

package com.enreach.tools.cli;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
                        root.out().println(file + ": " + k + ": ok");
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

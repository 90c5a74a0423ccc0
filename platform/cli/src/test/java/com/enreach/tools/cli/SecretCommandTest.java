package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.plugin.SecretKeyFile;

/** {@code enreach secret}: offline, on the key file; the secret only ever comes from standard input. */
class SecretCommandTest {
    @TempDir
    Path home;

    @Test
    void encryptCreatesTheKeyFileOwnerOnlyAndPrintsAValueThatDecryptsToStdin() throws Exception {
        Cli.Result r = new Cli(null, home).stdin("s3cret pw\n").run("secret", "encrypt");
        assertEquals(0, r.exit(), r.all());
        Path key = home.resolve("keys/secret.key");
        assertTrue(r.err().contains("Created the key file " + key), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String value = r.out().strip();
        assertTrue(value.startsWith("ENC(") && value.endsWith(")"), r.out());
        assertFalse(r.all().contains("s3cret"), "the secret is never echoed");
        assertEquals("s3cret pw", SecretKeyFile.load(key).decrypt(value), "the final line break is not part of the secret");

        Cli.Result again = new Cli(null, home).stdin("other").run("secret", "encrypt");
        assertEquals(0, again.exit(), again.all());
        assertFalse(again.err().contains("Created"), "the existing key is used");
        assertEquals("other", SecretKeyFile.load(key).decrypt(again.out().strip()));
    }

    @Test
    void theKeyFileVariableWinsOverTheHome() throws Exception {
        Path elsewhere = home.resolve("outside/k.key");
        Cli.Result r = new Cli(null, home).env("ENREACH_SECRET_KEYFILE", elsewhere.toString()).stdin("pw").run("secret", "encrypt");
        assertEquals(0, r.exit(), r.all());
        assertEquals("pw", SecretKeyFile.load(elsewhere).decrypt(r.out().strip()));
        assertFalse(Files.exists(home.resolve("keys")));
    }

    @Test
    void anEmptySecretIsAUsageError() {
        Cli.Result r = new Cli(null, home).stdin("\n").run("secret", "encrypt");
        assertEquals(ExitCodes.USAGE, r.exit(), r.all());
        assertEquals("", r.out());
    }

    @Test
    void checkReportsEachEncryptedValueAndPlainSecretsWithoutShowingThem() throws Exception {
        String good = new Cli(null, home).stdin("pw-good").run("secret", "encrypt").out().strip();
        String foreign = SecretKeyFile.create(home.resolve("other.key")).encrypt("pw-foreign");
        Path ok = home.resolve("source.ok.cfg");
        Files.writeString(ok, "url=https://x\npassword=" + good + "\npassword.env=X\ntoken_env=Y\n");
        Cli.Result r = new Cli(null, home).run("secret", "check", ok.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("password: ok"), r.out());

        Path bad = home.resolve("source.bad.cfg");
        Files.writeString(bad, "password=" + foreign + "\napi.token=plain-token\n");
        r = new Cli(null, home).run("secret", "check", ok.toString(), bad.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.all());
        assertTrue(r.out().contains(bad + ": password: wrong_key"), r.out());
        assertTrue(r.out().contains(bad + ": api.token: insecure"), r.out());
        assertFalse(r.all().contains("pw-"), r.all());
        assertFalse(r.all().contains("plain-token"), r.all());
    }

    @Test
    void checkWithoutAKeyFileNamesWhereItLooked() throws Exception {
        Path cfg = home.resolve("source.x.cfg");
        Files.writeString(cfg, "password=ENC(AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e)\n");
        Cli.Result r = new Cli(null, home).run("secret", "check", cfg.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.all());
        assertTrue(r.out().contains("missing_key") && r.out().contains(home.resolve("keys/secret.key").toString()), r.out());
    }
}

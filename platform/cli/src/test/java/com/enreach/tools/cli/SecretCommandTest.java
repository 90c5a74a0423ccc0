package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.plugin.SecretException;
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
    void rotateReEncryptsEveryValueOfEtcInPlaceAndKeepsTheOldKeyUntilRetired() throws Exception {
        String a = new Cli(null, home).stdin("pw-a").run("secret", "encrypt").out().strip();
        String b = new Cli(null, home).stdin("pw-b").run("secret", "encrypt").out().strip();
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path one = etc.resolve("source.one.cfg");
        String oneText = "# vCenter in Frankfurt\nurl=https://vc.example\npassword=" + a + "\n\nuser=svc-enreach\n";
        Files.writeString(one, oneText);
        Files.setPosixFilePermissions(one, PosixFilePermissions.fromString("rw-------"));
        Path two = etc.resolve("enreach.netbox.target-x.cfg");
        Files.writeString(two, "api.token = " + b + "\n");
        Path plain = etc.resolve("source.plain.cfg");
        Files.writeString(plain, "url=https://x\n.password=plain\n");
        Path key = home.resolve("keys/secret.key");

        Cli.Result r = new Cli(null, home).run("secret", "rotate");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("2 value(s) in 2 file(s) now use the new key"), r.out());
        assertFalse(r.all().contains("pw-"), "no secret is printed");
        SecretKeyFile rotated = SecretKeyFile.load(key);
        assertEquals(2, rotated.keyCount());
        String newOne = Files.readString(one);
        assertFalse(newOne.contains(a), newOne);
        assertEquals(oneText.replace(a, ""), newOne.replaceAll("ENC\\([^)]*\\)", ""), "everything but the value is as it was");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one)));
        String value = newOne.lines().filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring("password=".length());
        assertTrue(rotated.isCurrent(value));
        assertEquals("pw-a", rotated.decrypt(value));
        assertEquals("pw-b", rotated.decrypt(Files.readString(two).substring("api.token = ".length()).strip()));
        assertEquals("url=https://x\n.password=plain\n", Files.readString(plain), "a file without ENC values is not touched");
        assertEquals("pw-a", rotated.decrypt(a), "the old key still opens old copies (backups)");

        Cli.Result check = new Cli(null, home).run("secret", "check", one.toString(), two.toString());
        assertEquals(0, check.exit(), check.all());
        assertFalse(check.out().contains("older key"), check.out());

        Cli.Result retire = new Cli(null, home).run("secret", "rotate", "--retire", one.toString(), two.toString());
        assertEquals(0, retire.exit(), retire.all());
        SecretKeyFile only = SecretKeyFile.load(key);
        assertEquals(1, only.keyCount());
        assertEquals(SecretException.WRONG_KEY, assertThrows(SecretException.class, () -> only.decrypt(a)).code());
        assertEquals("pw-a", only.decrypt(Files.readString(one).lines().filter(l -> l.startsWith("password=")).findFirst().orElseThrow()
                .substring("password=".length())));
        try (var left = Files.list(etc)) {
            assertEquals(3, left.count(), "no temporary file is left in etc/");
        }
    }

    @Test
    void rotateChangesNothingWhenAValueDoesNotDecrypt() throws Exception {
        String good = new Cli(null, home).stdin("pw-good").run("secret", "encrypt").out().strip();
        String foreign = SecretKeyFile.create(home.resolve("other.key")).encrypt("pw-foreign");
        Path etc = Files.createDirectories(home.resolve("etc"));
        Files.writeString(etc.resolve("source.a.cfg"), "password=" + good + "\n");
        Files.writeString(etc.resolve("source.b.cfg"), "password=" + foreign + "\n");
        String keyBefore = Files.readString(home.resolve("keys/secret.key"));

        Cli.Result r = new Cli(null, home).run("secret", "rotate");
        assertEquals(ExitCodes.FAILED, r.exit(), r.all());
        assertTrue(r.out().contains("source.b.cfg: password: wrong_key"), r.out());
        assertTrue(r.err().contains("nothing was changed"), r.err());
        assertEquals(keyBefore, Files.readString(home.resolve("keys/secret.key")));
        assertEquals("password=" + good + "\n", Files.readString(etc.resolve("source.a.cfg")));
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

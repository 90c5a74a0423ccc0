package com.enreach.tools.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void aSecretSurvivesTheRoundTripAndNeverShowsInItsCiphertext() throws Exception {
        SecretKeyFile key = SecretKeyFile.create(dir.resolve("keys/secret.key"));
        String secret = "s3cr3t-äö €";
        String enc = key.encrypt(secret);
        assertTrue(enc.startsWith("ENC(") && enc.endsWith(")"), enc);
        assertFalse(enc.contains("s3cr3t"));
        assertNotEquals(enc, key.encrypt(secret), "a new IV every time");
        assertEquals(secret, key.decrypt(enc));
        assertEquals(secret, SecretKeyFile.load(key.path()).decrypt(enc), "the key file holds the same key");
        assertEquals(secret, key.decrypt("  " + enc + " "), "whitespace around the value is ignored");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyInAnOwnerOnlyDirectoryAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("keys/secret.key");
        SecretKeyFile.create(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        assertThrows(FileAlreadyExistsException.class, () -> SecretKeyFile.create(file));
    }

    @Test
    void anotherKeyIsReportedAsTheWrongKeyNamingTheFile() throws Exception {
        String enc = SecretKeyFile.create(dir.resolve("a.key")).encrypt("pw");
        SecretKeyFile other = SecretKeyFile.create(dir.resolve("b.key"));
        SecretException e = assertThrows(SecretException.class, () -> other.decrypt(enc));
        assertEquals(SecretException.WRONG_KEY, e.code());
        assertTrue(e.getMessage().contains(dir.resolve("b.key").toString()), e.getMessage());
        assertFalse(e.getMessage().contains("pw"));
    }

    @Test
    void anAlteredValueIsRefused() throws Exception {
        SecretKeyFile key = SecretKeyFile.create(dir.resolve("k"));
        String enc = key.encrypt("password-1");
        byte[] raw = Base64.getDecoder().decode(enc.substring(4, enc.length() - 1));
        raw[raw.length - 3] ^= 1;
        String tampered = "ENC(" + Base64.getEncoder().encodeToString(raw) + ")";
        assertEquals(SecretException.BAD_CIPHERTEXT, assertThrows(SecretException.class, () -> key.decrypt(tampered)).code());
        raw = Base64.getDecoder().decode(enc.substring(4, enc.length() - 1));
        raw[0] = 9;
        String version = "ENC(" + Base64.getEncoder().encodeToString(raw) + ")";
        assertEquals(SecretException.BAD_CIPHERTEXT, assertThrows(SecretException.class, () -> key.decrypt(version)).code());
        assertEquals(SecretException.BAD_CIPHERTEXT, assertThrows(SecretException.class, () -> key.decrypt("ENC(not base64!)")).code());
        assertEquals(SecretException.BAD_CIPHERTEXT, assertThrows(SecretException.class, () -> key.decrypt("ENC(AQID)")).code());
    }

    @Test
    void aMissingKeyFileAndABadOneAreReportedNamingThePath() throws IOException {
        Path missing = dir.resolve("none.key");
        SecretException e = assertThrows(SecretException.class, () -> SecretKeyFile.load(missing));
        assertEquals(SecretException.MISSING_KEY, e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path bad = dir.resolve("bad.key");
        Files.writeString(bad, "not a key\n");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        assertEquals(SecretException.BAD_KEY_FILE, assertThrows(SecretException.class, () -> SecretKeyFile.load(bad)).code());
        Files.writeString(bad, Base64.getEncoder().encodeToString(new byte[16]));
        assertEquals(SecretException.BAD_KEY_FILE, assertThrows(SecretException.class, () -> SecretKeyFile.load(bad)).code());
    }

    @Test
    void rotationEncryptsWithTheNewKeyKeepsTheOldOnesForDecryptionUntilRetired() throws Exception {
        Path file = dir.resolve("keys/secret.key");
        SecretKeyFile first = SecretKeyFile.create(file);
        String old = first.encrypt("pw-old");
        assertEquals(1, first.keyCount());
        assertTrue(first.isCurrent(old));

        SecretKeyFile rotated = SecretKeyFile.rotate(file);
        assertEquals(2, rotated.keyCount());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "still owner-only after the rename");
        assertFalse(rotated.isCurrent(old), "the old value names the old key");
        String fresh = rotated.encrypt("pw-new");
        assertTrue(rotated.isCurrent(fresh));
        SecretKeyFile reloaded = SecretKeyFile.load(file);
        assertEquals("pw-old", reloaded.decrypt(old), "values from before the rotation still decrypt");
        assertEquals("pw-new", reloaded.decrypt(fresh));
        assertEquals(SecretException.WRONG_KEY, assertThrows(SecretException.class, () -> first.decrypt(fresh)).code(),
                "the new key is not the old one");

        SecretKeyFile twice = SecretKeyFile.rotate(file);
        assertEquals(3, twice.keyCount());
        assertEquals("pw-old", SecretKeyFile.load(file).decrypt(old));

        SecretKeyFile retired = SecretKeyFile.load(file).retire();
        assertEquals(1, retired.keyCount());
        SecretKeyFile after = SecretKeyFile.load(file);
        assertTrue(after.isCurrent(after.encrypt("x")));
        SecretException gone = assertThrows(SecretException.class, () -> after.decrypt(old));
        assertEquals(SecretException.WRONG_KEY, gone.code());
        assertEquals(SecretException.WRONG_KEY, assertThrows(SecretException.class, () -> after.decrypt(fresh)).code(),
                "fresh was encrypted with the key of the first rotation, which the second made old");
        try (var files = Files.list(file.getParent())) {
            assertEquals(java.util.List.of(file), files.toList(), "no temporary file is left beside the key");
        }
    }

    @Test
    void aKeyFileWithABadSecondKeyIsRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("k2");
        SecretKeyFile.create(file);
        Files.writeString(file, Files.readString(file) + Base64.getEncoder().encodeToString(new byte[7]) + "\n");
        SecretException e = assertThrows(SecretException.class, () -> SecretKeyFile.load(file));
        assertEquals(SecretException.BAD_KEY_FILE, e.code());
        assertTrue(e.getMessage().contains("key line 2"), e.getMessage());
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws Exception {
        Path file = dir.resolve("k");
        SecretKeyFile.create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SecretException e = assertThrows(SecretException.class, () -> SecretKeyFile.load(file));
        assertEquals(SecretException.KEY_FILE_PERMISSIONS, e.code());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void theKeyFileIsFoundByPropertyThenEnvironmentThenHome() {
        Path home = dir.resolve("home");
        Map<String, String> none = Map.of();
        assertEquals(home.resolve("keys/secret.key"), SecretKeyFile.locate(none::get, none::get, home));
        assertEquals(home.resolve("keys/secret.key"), SecretKeyFile.locate(Map.of("enreach.home", home.toString())::get, none::get, null));
        assertEquals(Path.of("/e/k"), SecretKeyFile.locate(Map.of("enreach.home", "/h")::get, Map.of("ENREACH_SECRET_KEYFILE", "/e/k")::get, home));
        assertEquals(Path.of("/p/k"), SecretKeyFile.locate(Map.of("enreach.secret.keyfile", "/p/k")::get,
                Map.of("ENREACH_SECRET_KEYFILE", "/e/k")::get, home));
    }

    @Test
    void onlyEncWrappedValuesAreEncrypted() {
        assertTrue(SecretKeyFile.isEncrypted("ENC(abc)"));
        assertTrue(SecretKeyFile.isEncrypted(" ENC(abc) "));
        assertFalse(SecretKeyFile.isEncrypted("ENC(abc"));
        assertFalse(SecretKeyFile.isEncrypted("enc(abc)"));
        assertFalse(SecretKeyFile.isEncrypted(null));
    }
}

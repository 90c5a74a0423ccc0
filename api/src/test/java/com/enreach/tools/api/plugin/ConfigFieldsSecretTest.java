package com.enreach.tools.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFieldsSecretTest {
    private static final String SECRET = "Pa55-w0rd!";

    @TempDir
    Path dir;
    private Path keyPath;
    private SecretKeyFile key;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void key() throws Exception {
        keyPath = dir.resolve("keys/secret.key");
        key = SecretKeyFile.create(keyPath);
        env.put(SecretKeyFile.ENV, keyPath.toString());
    }

    private ConfigFields fields(Map<String, ?> props) {
        return new ConfigFields(props, env::get);
    }

    @Test
    void anEncryptedPublicOrPrivateEntryIsDecrypted() {
        ConfigFields f = fields(Map.of("password", key.encrypt(SECRET)));
        assertEquals(SECRET, f.secret("password", true));
        assertTrue(f.errors().isEmpty(), f.errors().toString());

        f = fields(Map.of(".api.token", key.encrypt(SECRET)));
        assertEquals(SECRET, f.secret("api.token", true));
        assertTrue(f.errors().isEmpty(), f.errors().toString());
    }

    @Test
    void anEncryptedValueInTheEnvironmentIsDecryptedToo() {
        env.put("NB_TOKEN", key.encrypt(SECRET));
        ConfigFields f = fields(Map.of("api.key.env", "NB_TOKEN"));
        assertEquals(SECRET, f.secret("password", "api.key.env", true));
        assertTrue(f.errors().isEmpty(), f.errors().toString());
    }

    @Test
    void plainPrivateAndEnvironmentSecretsKeepWorking() {
        assertEquals(SECRET, fields(Map.of(".password", SECRET)).secret("password", true));
        env.put("PW", SECRET);
        ConfigFields f = fields(Map.of("password.env", "PW"));
        assertEquals(SECRET, f.secret("password", true));
        assertTrue(f.errors().isEmpty());
    }

    @Test
    void aPlainPublicSecretIsStillRefused() {
        ConfigFields f = fields(Map.of("password", SECRET));
        assertNull(f.secret("password", true));
        FieldError e = single(f);
        assertEquals("insecure", e.code());
        assertTrue(e.message().contains("ENC("), e.message());
        assertFalse(e.message().contains(SECRET));
    }

    @Test
    void anotherKeyGivesAWrongKeyErrorOnTheField() throws Exception {
        String enc = SecretKeyFile.create(dir.resolve("other.key")).encrypt(SECRET);
        ConfigFields f = fields(Map.of("password", enc));
        assertNull(f.secret("password", true));
        FieldError e = single(f);
        assertEquals("password", e.field());
        assertEquals("wrong_key", e.code());
        assertEquals("cannot decrypt password: the key file " + keyPath + " is not the one this value was encrypted with", e.message());
    }

    @Test
    void aMissingKeyFileGivesAFieldErrorNamingThePath() {
        String enc = key.encrypt(SECRET);
        Path missing = dir.resolve("elsewhere/secret.key");
        env.put(SecretKeyFile.ENV, missing.toString());
        ConfigFields f = fields(Map.of(".password", enc));
        assertNull(f.secret("password", true));
        FieldError e = single(f);
        assertEquals("password", e.field());
        assertEquals("missing_key", e.code());
        assertTrue(e.message().contains(missing.toString()), e.message());
    }

    @Test
    void anAlteredValueGivesABadCiphertextError() {
        String enc = key.encrypt(SECRET);
        String tampered = enc.substring(0, 10) + (enc.charAt(10) == 'A' ? 'B' : 'A') + enc.substring(11);
        ConfigFields f = fields(Map.of("password", tampered));
        assertNull(f.secret("password", true));
        FieldError e = single(f);
        assertTrue(List.of("bad_ciphertext", "wrong_key").contains(e.code()), e.toString());
        assertFalse(e.message().contains(SECRET));
    }

    @Test
    void bothThePrivateAndTheEncryptedEntryIsAmbiguous() {
        ConfigFields f = fields(Map.of(".password", SECRET, "password", key.encrypt(SECRET)));
        assertNull(f.secret("password", true));
        assertEquals("ambiguous", single(f).code());
    }

    @Test
    void aMissingRequiredSecretNamesEveryWayToGiveIt() {
        ConfigFields f = fields(Map.of());
        assertNull(f.secret("password", true));
        assertTrue(single(f).message().contains("password=ENC(...)"), single(f).message());
        assertNull(fields(Map.of()).secret("password", false));
    }

    private static FieldError single(ConfigFields f) {
        assertEquals(1, f.errors().size(), f.errors().toString());
        return f.errors().get(0);
    }
}

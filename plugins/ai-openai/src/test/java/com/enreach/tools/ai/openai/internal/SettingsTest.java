package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    @Test
    void defaultsFollowTheContract() {
        Settings s = Settings.of("prod", Configs.config("model", "gpt-4o-mini", ".password", "k"), Map.of());
        assertEquals("https://api.openai.com/v1", s.baseUrl().toString());
        assertEquals("https://api.openai.com/v1/chat/completions", s.endpoint().toString());
        assertEquals("bearer", s.auth());
        assertEquals(Duration.ofSeconds(60), s.timeout());
        assertEquals(1024, s.maxTokens());
        assertEquals(0.2, s.temperature(), 1e-9);
        assertFalse(s.allowSensitive());
        assertTrue(s.tools());
        assertTrue(s.streamUsage());
        assertNull(s.apiVersion());
        assertEquals("etc/ai.openai-prod.cfg", s.file());
    }

    @Test
    void theKeyMayComeFromAnEnvironmentVariable() {
        Settings s = Settings.of("p", Configs.config("model", "m", "api.key.env", "OPENAI_KEY"), Map.of("OPENAI_KEY", "sk-env"));
        assertEquals("sk-env", s.key());
        assertFalse(s.toString().contains("sk-env"));
    }

    @Test
    void theApiVersionIsAppendedEncoded() {
        Settings s = Settings.of("az", Configs.config("model", "m", ".password", "k", "auth", "api-key",
                "base.url", "https://r.openai.azure.com/openai/deployments/d", "api.version", "2024-10-21"), Map.of());
        assertEquals("https://r.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21",
                s.endpoint().toString());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "model|''|model is required",
            "base.url|ftp://x/v1|base.url must be an http(s) URL",
            "base.url|not a url|base.url is not a URL",
            "base.url|https://user:pw@api.example.com/v1|base.url must carry neither credentials nor a query",
            "auth|basic|auth must be bearer, api-key or none",
            "timeout|0|timeout must be at least 1 second",
            "max.tokens|0|max.tokens must be at least 1",
            "max.tokens.param|tokens|max.tokens.param must be max_tokens or max_completion_tokens",
            "temperature|2.5|temperature must be between 0 and 2",
            ".password|''|.password an API key is needed for auth=bearer"})
    void aMisconfiguredFileNamesTheFileAndTheField(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.of("lab",
                Configs.config("model", "m", ".password", "k", key, value), Map.of()));
        assertEquals("etc/ai.openai-lab.cfg: " + message, e.getMessage().substring(0, ("etc/ai.openai-lab.cfg: " + message).length()),
                e.getMessage());
    }

    @Test
    void anUnsetEnvironmentVariableIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.of("lab",
                Configs.config("model", "m", "api.key.env", "NOPE_KEY"), Map.of()));
        assertEquals("etc/ai.openai-lab.cfg: api.key.env environment variable NOPE_KEY named by api.key.env is not set",
                e.getMessage());
    }

    @Test
    void anEncryptedKeyIsDecryptedWithTheKeyFileAndAnotherKeyIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        com.enreach.tools.api.plugin.SecretKeyFile key = com.enreach.tools.api.plugin.SecretKeyFile.create(dir.resolve("secret.key"));
        Map<String, String> env = Map.of("ENREACH_SECRET_KEYFILE", key.path().toString());
        Map<String, Object> props = Map.of("password", key.encrypt("sk-enc"));
        Settings.refusePublicKey("enc", props);
        assertEquals("sk-enc", Settings.of("enc", Configs.config("model", "m"), props, env).key());
        String foreign = com.enreach.tools.api.plugin.SecretKeyFile.create(dir.resolve("other.key")).encrypt("sk-enc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.of("enc",
                Configs.config("model", "m"), Map.of("password", foreign), env));
        assertEquals("etc/ai.openai-enc.cfg: password cannot decrypt password: the key file " + key.path()
                + " is not the one this value was encrypted with", e.getMessage());
    }

    @Test
    void authNoneNeedsNoKey() {
        assertNull(Settings.of("local", Configs.config("model", "llama3.1", "auth", "none",
                "base.url", "http://localhost:11434/v1"), Map.of()).key());
    }
}

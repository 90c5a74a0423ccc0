package com.enreach.tools.ai.anthropic.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", "ai.anthropic~prod");
        p.put("felix.fileinstall.filename", "file:/opt/enreach/etc/ai.anthropic-prod.cfg");
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    private static String refused(Map<String, Object> props, Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> Settings.from(props, env)).getMessage();
    }

    @Test
    void defaultsFollowTheContract() {
        Settings s = Settings.from(props("model", "claude-sonnet-4-5", ".password", "sk-ant-secret"), Map.of());
        assertEquals("prod", s.name());
        assertEquals("https://api.anthropic.com", s.baseUrl().toString());
        assertEquals(Duration.ofSeconds(60), s.timeout());
        assertEquals(1024, s.maxTokens());
        assertEquals(0.2, s.temperature(), 1e-9);
        assertFalse(s.allowSensitive());
        assertEquals("2023-06-01", s.anthropicVersion());
        assertEquals(0, s.ranking());
        assertFalse(s.toString().contains("sk-ant-secret"), "the key is not in toString: " + s);
    }

    @Test
    void valuesAsFileInstallGivesThemAreRead() {
        Settings s = Settings.from(props("model", "claude-x", ".password", "k", "base.url", "https://proxy.example.com/anthropic/",
                "timeout", "5", "max.tokens", "2048", "temperature", "0.7", "allow.sensitive", "true",
                "anthropic.version", "2023-01-01", "service.ranking", "10"), Map.of());
        assertEquals("https://proxy.example.com/anthropic", s.baseUrl().toString(), "the trailing slash goes");
        assertEquals(Duration.ofSeconds(5), s.timeout());
        assertEquals(2048, s.maxTokens());
        assertEquals(0.7, s.temperature(), 1e-9);
        assertTrue(s.allowSensitive());
        assertEquals("2023-01-01", s.anthropicVersion());
        assertEquals(10, s.ranking());
    }

    @Test
    void theKeyMayComeFromAnEnvironmentVariable() {
        Settings s = Settings.from(props("model", "m", "api.key.env", "ANTHROPIC_KEY_PROD"), Map.of("ANTHROPIC_KEY_PROD", "sk-env\n"));
        assertEquals("sk-env", s.apiKey());
    }

    @Test
    void aNameOverridesThePid() {
        assertEquals("claude", Settings.from(props("model", "m", ".password", "k", "name", "claude"), Map.of()).name());
    }

    @Test
    void misconfigurationsNameTheFileAndTheField() {
        assertEquals("etc/ai.anthropic-prod.cfg: model is required (e.g. model = claude-sonnet-4-5)",
                refused(props(".password", "k"), Map.of()));
        assertEquals("etc/ai.anthropic-prod.cfg: environment variable ANTHROPIC_KEY named by api.key.env is not set",
                refused(props("model", "m", "api.key.env", "ANTHROPIC_KEY"), Map.of()));
        assertEquals("etc/ai.anthropic-prod.cfg: an API key is needed (.password, password=ENC(...) or api.key.env)",
                refused(props("model", "m"), Map.of()));
        assertTrue(refused(props("model", "m", ".password", "k", "base.url", "api.anthropic.com"), Map.of())
                .startsWith("etc/ai.anthropic-prod.cfg: base.url must be an http(s) URL"));
        assertTrue(refused(props("model", "m", ".password", "k", "base.url", "http://exa mple"), Map.of())
                .startsWith("etc/ai.anthropic-prod.cfg: base.url is not a URL"));
        assertTrue(refused(props("model", "m", ".password", "k", "base.url", "https://user:pw@proxy"), Map.of())
                .contains("without credentials"));
        assertEquals("etc/ai.anthropic-prod.cfg: timeout must be a whole number from 1 to 3600, got soon",
                refused(props("model", "m", ".password", "k", "timeout", "soon"), Map.of()));
        assertEquals("etc/ai.anthropic-prod.cfg: temperature must be a number from 0 to 1, got 1.5",
                refused(props("model", "m", ".password", "k", "temperature", "1.5"), Map.of()));
        assertTrue(refused(props("model", "m", ".password", "k", "max.tokens", "0"), Map.of()).contains("max.tokens"));
        assertEquals("etc/ai.anthropic-prod.cfg: api.key= would show the key in service properties; write .password=<key>, "
                + "password=ENC(...) or api.key.env=<variable> instead", refused(props("model", "m", "api.key", "sk-plain"), Map.of()));
    }

    @Test
    void anEncryptedKeyIsDecryptedWithTheKeyFileAndAMissingKeyFileIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        com.enreach.tools.api.plugin.SecretKeyFile key = com.enreach.tools.api.plugin.SecretKeyFile.create(dir.resolve("secret.key"));
        String enc = key.encrypt("sk-ant-enc");
        assertEquals("sk-ant-enc", Settings.from(props("model", "m", "password", enc), Map.of("ENREACH_SECRET_KEYFILE", key.path().toString())).apiKey());
        assertEquals("sk-ant-enc", Settings.from(props("model", "m", ".password", enc), Map.of("ENREACH_SECRET_KEYFILE", key.path().toString())).apiKey());
        java.nio.file.Path missing = dir.resolve("gone.key");
        String message = refused(props("model", "m", "password", enc), Map.of("ENREACH_SECRET_KEYFILE", missing.toString()));
        assertTrue(message.startsWith("etc/ai.anthropic-prod.cfg: cannot decrypt password: the key file " + missing + " does not exist"), message);
    }

    @Test
    void withoutFileInstallTheMessageNamesTheFileItWouldBe() {
        Map<String, Object> p = props(".password", "k");
        p.remove("felix.fileinstall.filename");
        assertTrue(refused(p, Map.of()).startsWith("etc/ai.anthropic-prod.cfg: model is required"));
    }
}

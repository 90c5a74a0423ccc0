package com.enreach.tools.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretKeysTest {
    @Test
    void everyKeyAPluginOrAPersonPutsASecretUnderIsSecret() {
        for (String key : List.of(".password", "password", "api.token", ".api.token", ".token", "token", "secret", "client.secret", "Authorization",
                "tls.keystore.password", "API_KEY", "db.passwd", "credentials", ".anything")) {
            assertTrue(SecretKeys.isSecret(key), key);
        }
    }

    @Test
    void settingsAndVariableNamesAreNotSecret() {
        for (String key : List.of("url", "username", "size", "tls.verify", "schedule.minutes", "password.env", "api.token.env", "token.env", "instance",
                "felix.fileinstall.filename", "service.pid", "", "page.size")) {
            assertFalse(SecretKeys.isSecret(key), key);
        }
    }

    @Test
    void maskedCopiesLeaveTheOriginalAndOrdinaryValuesAlone() {
        Map<String, Object> raw = Map.of(".password", "s3cr3t", "url", "https://x", "password.env", "VC_PASSWORD");
        Map<String, Object> masked = SecretKeys.masked(raw);
        assertEquals(Map.of(".password", SecretKeys.MASK, "url", "https://x", "password.env", "VC_PASSWORD"), masked);
        assertEquals("s3cr3t", raw.get(".password"));
    }
}

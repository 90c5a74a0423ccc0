package com.enreach.tools.rest.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.SecretKeys;

class PublicSecretMaskingTest {
    @Test
    void aPublicSecretIsDeliveredMaskedAndAPrivateOneUnchanged() {
        Hashtable<String, Object> props = new Hashtable<>(Map.of(".password", "kept", "password", "plain", "api.token", "plain2", "url", "https://x",
                "password.env", "VAR"));
        new PublicSecretMasking().modifyConfiguration(null, props);
        assertEquals("kept", props.get(".password"), "plugins read the private key: it must reach them");
        assertEquals(SecretKeys.MASK, props.get("password"), "still present, so the plugin still refuses it");
        assertEquals(SecretKeys.MASK, props.get("api.token"));
        assertEquals("https://x", props.get("url"));
        assertEquals("VAR", props.get("password.env"));
    }

    @Test
    void anEncryptedPublicSecretReachesThePluginWhichDecryptsIt() {
        Hashtable<String, Object> props = new Hashtable<>(Map.of("password", "ENC(AQIDBAUG)", "api.token", "ENC(x"));
        new PublicSecretMasking().modifyConfiguration(null, props);
        assertEquals("ENC(AQIDBAUG)", props.get("password"), "ciphertext is not a secret");
        assertEquals(SecretKeys.MASK, props.get("api.token"), "not an ENC(...) value: masked");
    }

    @Test
    void librariesKeepTheirPublicSecretKeys() {
        Hashtable<String, Object> jetty = new Hashtable<>(Map.of("service.pid", "org.apache.felix.http", "org.apache.felix.https.keystore.password", "ks"));
        new PublicSecretMasking().modifyConfiguration(null, jetty);
        assertEquals("ks", jetty.get("org.apache.felix.https.keystore.password"), "Jetty reads its keystore password from a public key");
        Hashtable<String, Object> source = new Hashtable<>(Map.of("service.pid", "source.vcenter~prod", "service.factoryPid", "source.vcenter", "password", "p"));
        new PublicSecretMasking().modifyConfiguration(null, source);
        assertEquals(SecretKeys.MASK, source.get("password"));
    }
}

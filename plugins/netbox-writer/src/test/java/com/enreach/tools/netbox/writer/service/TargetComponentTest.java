package com.enreach.tools.netbox.writer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.netbox.client.NetBoxClients;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.writer.apply.Target;

class TargetComponentTest {
    final List<NetBoxConnection> connected = new ArrayList<>();
    final NetBoxClients clients = c -> {
        connected.add(c);
        return (com.enreach.tools.netbox.client.NetBoxClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {com.enreach.tools.netbox.client.NetBoxClient.class}, (p, m, a) -> null);
    };

    static TargetConfig config(String url, String token, String tokenEnv, boolean write) {
        return new TargetConfig() {
            public Class<? extends Annotation> annotationType() {
                return TargetConfig.class;
            }
            public String url() {
                return url;
            }
            public String _password() {
                return token;
            }
            public String token_env() {
                return tokenEnv;
            }
            public boolean write_enabled() {
                return write;
            }
            public boolean self_approval() {
                return false;
            }
            public String source() {
                return "";
            }
            public String netbox_user() {
                return null;
            }
            public int batch_size() {
                return 100;
            }
            public int page_size() {
                return 500;
            }
            public int timeout() {
                return 30;
            }
            public boolean insecure() {
                return false;
            }
            public String ca_file() {
                return null;
            }
        };
    }

    @Test
    void theInstanceIsNamedByItsFileAndIsADryRunByDefault() {
        assertEquals("prod", TargetComponent.nameOf(Map.of("service.pid", "enreach.netbox.target~prod")));
        Target t = TargetComponent.target("prod", config("https://nb.example", "k".repeat(40), null, false), null, clients, Map.of());
        assertFalse(t.writeEnabled());
        assertNull(t.source(), "an empty source is none");
        assertTrue(connected.isEmpty(), "nothing is contacted until the target is used");
        t.client();
        t.client();
        assertEquals(1, connected.size(), "one client per target");
        assertEquals(100, connected.get(0).batchSize());
    }

    @Test
    void anEncryptedTokenIsDecryptedAndAnotherKeyFailsThisTargetWithItsName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        com.enreach.tools.api.plugin.SecretKeyFile key = com.enreach.tools.api.plugin.SecretKeyFile.create(dir.resolve("secret.key"));
        Map<String, String> env = Map.of("ENREACH_SECRET_KEYFILE", key.path().toString());
        TargetComponent.target("enc", config("https://nb.example", null, null, true), Map.of("password", key.encrypt("nb-t0k")), null,
                clients, env).client();
        assertEquals("nb-t0k", connected.get(0).token());
        TargetComponent.target("enc2", config("https://nb.example", key.encrypt("nb-private"), null, true), Map.of(), null, clients, env).client();
        assertEquals("nb-private", connected.get(1).token(), ".password=ENC(...) too");
        String foreign = com.enreach.tools.api.plugin.SecretKeyFile.create(dir.resolve("other.key")).encrypt("nb-t0k");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetComponent.target("enc",
                config("https://nb.example", null, null, true), Map.of("password", foreign), null, clients, env));
        assertEquals("enreach.netbox.target-enc: cannot decrypt password: the key file " + key.path()
                + " is not the one this value was encrypted with", e.getMessage());
    }

    @Test
    void theTokenComesFromItsVariableAndAMissingOneIsNamed() {
        TargetComponent.target("lab", config("https://nb.example", null, "NB_TOKEN", true), "NB_TOKEN", clients, Map.of("NB_TOKEN", "t0k")).client();
        assertEquals("t0k", connected.get(0).token());
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class, () -> TargetComponent.target("lab",
                config("https://nb.example", null, "NB_TOKEN", true), "NB_TOKEN", clients, Map.of()));
        assertTrue(unset.getMessage().contains("NB_TOKEN"), unset.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> TargetComponent.target("lab",
                config("https://nb.example", null, null, true), null, clients, Map.of()));
        assertTrue(none.getMessage().contains("enreach.netbox.target-lab"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TargetComponent.target("lab", config(" ", "x", null, true), null, clients,
                Map.of()));
        IllegalArgumentException underscore = assertThrows(IllegalArgumentException.class, () -> new TargetComponent(
                config("https://nb.example", null, null, true), Map.of("service.pid", "enreach.netbox.target~lab",
                "token_env", "ENREACH_TEST_UNSET_VARIABLE"), clients));
        assertTrue(underscore.getMessage().contains("ENREACH_TEST_UNSET_VARIABLE"), "token_env as written in the file is read too");
    }
}

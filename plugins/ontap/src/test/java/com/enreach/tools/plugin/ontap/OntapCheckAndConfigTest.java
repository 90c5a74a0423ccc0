package com.enreach.tools.plugin.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.testkit.TestContext;

class OntapCheckAndConfigTest {

    private static Map<String, Object> config(String url) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("url", url);
        cfg.put("username", "monitor");
        cfg.put(".password", OntapConnectorTest.PASSWORD);
        return cfg;
    }

    @Test
    void checkReportsTheReleaseAndClusterName() {
        try (OntapDouble ontap = new OntapDouble()) {
            CheckResult r = new OntapConnector(new HashMap<>(ontap.cfg())).checkConnection(new TestContext("t"));
            assertTrue(r.ok(), r.toString());
            assertTrue(r.detail().contains("9.13.1P9") && r.detail().contains("ocean-cl01"), r.detail());
            assertEquals("name,uuid,version,location,contact,dns_domains,management_interfaces",
                    ontap.server().requestsTo("/api/cluster").get(0).param("fields"));
        }
    }

    @Test
    void checkFailsOnBadCredentialsWrongUrlAndUnreachableHost() throws Exception {
        try (OntapDouble ontap = new OntapDouble()) {
            Map<String, Object> wrongPassword = config(ontap.url());
            wrongPassword.put(".password", "Wr0ng-" + OntapConnectorTest.PASSWORD);
            CheckResult auth = new OntapConnector(wrongPassword).checkConnection(new TestContext("t"));
            assertFalse(auth.ok());
            assertEquals("auth", auth.errors().get(0).code());
            assertEquals("username", auth.errors().get(0).field());
            assertTrue(auth.errors().get(0).message().contains("User is not authorized"));
            assertFalse(auth.errors().get(0).message().contains(OntapConnectorTest.PASSWORD));

            CheckResult wrong = new OntapConnector(config(ontap.url() + "/not-ontap")).checkConnection(new TestContext("t"));
            assertEquals("not_found", wrong.errors().get(0).code());
            assertEquals("url", wrong.errors().get(0).field());
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        CheckResult down = new OntapConnector(config("http://127.0.0.1:" + closedPort)).checkConnection(new TestContext("t", null, 1));
        assertFalse(down.ok());
        // source-support classifies a refused connection as "unreachable" or, when the JDK wraps it, "io"
        assertTrue(List.of("unreachable", "io").contains(down.errors().get(0).code()), down.toString());
        assertTrue(down.errors().get(0).message().contains("127.0.0.1:" + closedPort), down.toString());
    }

    @Test
    void invalidConfigurationIsReportedPerField() {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("password", "plain-text");
        cfg.put("page.size", "0");
        cfg.put("insecure", "maybe");
        cfg.put("ca.file", "/nonexistent/ca.pem");
        cfg.put("delete.budget.percent", "150");
        cfg.put("schedule.minutes", "-5");
        List<FieldError> errors = new OntapConnector(cfg).validate();
        Map<String, String> byField = errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::code, (a, b) -> a));
        assertEquals("required", byField.get("url"));
        assertEquals("required", byField.get("username"));
        assertEquals("insecure", byField.get("password"));
        assertEquals("out_of_range", byField.get("page.size"));
        assertEquals("invalid", byField.get("insecure"));
        assertEquals("invalid", byField.get("ca.file"));
        assertEquals("out_of_range", byField.get("delete.budget.percent"), "the core's keys are checked like the plugin's");
        assertEquals("out_of_range", byField.get("schedule.minutes"));
        errors.forEach(e -> assertFalse(e.message().contains("plain-text"), e.message()));

        assertTrue(new OntapConnector(config("https://cluster1.example.net")).validate().isEmpty());
        Map<String, Object> ftp = config("ftp://cluster1");
        assertEquals("url", new OntapConnector(ftp).validate().get(0).field());
    }

    @Test
    void theDocumentedDefaultsAreTheAppliedOnes() throws Exception {
        try (OntapDouble ontap = new OntapDouble()) {
            Map<String, Object> cfg = new HashMap<>(ontap.cfg());
            cfg.remove("page.size");
            new OntapConnector(cfg).fetch(new TestContext("t"), new com.enreach.tools.testkit.CollectingSink());
            assertEquals(String.valueOf(OntapConfig.class.getMethod("page_size").getDefaultValue()),
                    ontap.server().requestsTo("/api/storage/volumes").get(0).param("max_records"));
        }
        assertEquals(com.enreach.tools.source.support.SourceDefaults.DELETE_BUDGET_PERCENT,
                OntapConfig.class.getMethod("delete_budget_percent").getDefaultValue());
    }

    @Test
    void passwordMayComeFromAnEnvironmentVariable() {
        Map<String, Object> cfg = config("https://cluster1.example.net");
        cfg.remove(".password");
        cfg.put("password.env", "ENREACH_TEST_SURELY_UNSET_ONTAP_PW");
        List<FieldError> errors = new OntapConnector(cfg).validate();
        assertEquals(1, errors.size());
        assertEquals("password.env", errors.get(0).field());
    }

    @Test
    void timeoutSecondsIsValidatedAndBoundsTheWaitForOneAnswer() throws Exception {
        Map<String, Object> cfg = config("http://cluster1.example.net"); // plain HTTP: a TLS handshake would time out first
        cfg.put("timeout.seconds", "soon");
        assertEquals(List.of("timeout.seconds:invalid"), new OntapConnector(cfg).validate().stream().map(f -> f.field() + ":" + f.code()).toList());
        cfg.put("timeout.seconds", "4000");
        assertEquals(List.of("timeout.seconds:out_of_range"), new OntapConnector(cfg).validate().stream().map(f -> f.field() + ":" + f.code()).toList());
        // a server that takes the connection and never answers
        try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            cfg.put("url", String.valueOf(cfg.get("url")).replaceFirst("//[^/]+", "//127.0.0.1:" + hung.getLocalPort()));
            cfg.put("timeout.seconds", "5");
            CheckResult r = new OntapConnector(cfg).checkConnection(new TestContext("t", null, 1));
            assertEquals("timeout", r.errors().get(0).code(), r.toString());
            assertTrue(r.errors().get(0).message().contains("within 5 s"), r.toString());
        }
    }
}

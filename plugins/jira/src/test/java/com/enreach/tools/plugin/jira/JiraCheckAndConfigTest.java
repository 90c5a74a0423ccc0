package com.enreach.tools.plugin.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.testkit.TestContext;

class JiraCheckAndConfigTest {

    private static Map<String, Object> cfg(String... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("url", "https://example.atlassian.net");
        m.put("email", "a@example.com");
        m.put(".api.token", "t0k3n");
        m.put("projects", "OPS");
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove(kv[i]);
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static List<String> fields(Map<String, Object> cfg) {
        return new JiraConnector(cfg).validate().stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void validConfigurationsOfBothFlavors() {
        assertEquals(List.of(), fields(cfg()));
        assertEquals(List.of(), fields(cfg("flavor", "datacenter", "email", null, "issue.types", "Bug,Incident",
                "updated.since", "2024-01-31")));
        assertEquals(List.of(), fields(cfg("projects", null, "jql", "project = OPS OR labels = ops")));
    }

    @Test
    void invalidConfigurationsNameTheirField() {
        assertEquals(List.of("projects:required"), fields(cfg("projects", null)));
        assertEquals(List.of("projects:invalid"), fields(cfg("projects", "OPS, in(valid")));
        assertEquals(List.of("jql:order_by"), fields(cfg("projects", null, "jql", "project = OPS order by created")));
        assertEquals(List.of("jql:conflict"), fields(cfg("jql", "project = OPS")));
        assertEquals(List.of("flavor:invalid"), fields(cfg("flavor", "onprem")));
        assertEquals(List.of("email:required"), fields(cfg("email", null)));
        assertEquals(List.of("email:not_used"), fields(cfg("flavor", "datacenter")));
        assertEquals(List.of("updated.since:invalid"), fields(cfg("updated.since", "last year")));
        assertEquals(List.of("api.token:insecure"), fields(cfg(".api.token", null, "api.token", "visible")));
        assertEquals(List.of("api.token:required"), fields(cfg(".api.token", null)));
        assertEquals(List.of("url:invalid"), fields(cfg("url", "jira.example.com")));
        List<FieldError> errors = new JiraConnector(cfg("updated.since", "last year")).validate();
        assertTrue(errors.get(0).message().contains("-365d"), errors.get(0).message());
    }

    @Test
    void checkNamesTheAccountAndAcceptsTheJql() {
        try (JiraDouble jira = new JiraDouble()) {
            CheckResult cloud = new JiraConnector(new HashMap<>(jira.cloudCfg())).checkConnection(new TestContext("t"));
            assertTrue(cloud.ok(), cloud.toString());
            assertTrue(cloud.detail().startsWith("Jira Cloud at " + jira.url() + " as Enreach Sync"), cloud.detail());
            CheckResult dc = new JiraConnector(new HashMap<>(jira.dataCenterCfg())).checkConnection(new TestContext("t"));
            assertTrue(dc.ok(), dc.toString());
            assertTrue(dc.detail().endsWith("5 issues match the JQL"), dc.detail());
        }
    }

    @Test
    void checkFailsClearlyOnWrongCredentialsAndBadJql() {
        try (JiraDouble jira = new JiraDouble()) {
            Map<String, Object> wrong = new HashMap<>(jira.cloudCfg());
            wrong.put(".api.token", "wrong-" + JiraDouble.API_TOKEN);
            CheckResult auth = new JiraConnector(wrong).checkConnection(new TestContext("t"));
            assertFalse(auth.ok());
            assertEquals("auth", auth.errors().get(0).code());
            assertEquals("api.token", auth.errors().get(0).field());
            assertTrue(auth.errors().get(0).message().contains("check email and api.token"), auth.errors().get(0).message());
            assertFalse(auth.errors().get(0).message().contains(JiraDouble.API_TOKEN));

            // a Data Center PAT sent as Cloud basic auth is refused too: the flavors authenticate differently
            Map<String, Object> mixed = new HashMap<>(jira.dataCenterCfg());
            mixed.put(".api.token", JiraDouble.API_TOKEN);
            assertEquals("auth", new JiraConnector(mixed).checkConnection(new TestContext("t")).errors().get(0).code());

            Map<String, Object> badJql = new HashMap<>(jira.cloudCfg());
            badJql.remove("projects");
            badJql.put("jql", "project in (OPS");
            CheckResult jql = new JiraConnector(badJql).checkConnection(new TestContext("t"));
            assertEquals("bad_jql", jql.errors().get(0).code());
            assertEquals("jql", jql.errors().get(0).field());
        }
    }

    @Test
    void objectUrlIsTheBrowseLinkWithoutCredentials() {
        JiraConnector c = new JiraConnector(cfg("url", "https://user:secret@jira.example.com/jira/"));
        assertEquals("https://jira.example.com/jira/browse/OPS-12", c.objectUrl(EntityKinds.TICKET, "10012", Map.of("key", "OPS-12")));
        assertEquals("https://jira.example.com/jira/secure/ViewIssue.jspa?id=10012", c.objectUrl(EntityKinds.TICKET, "10012", Map.of()));
        assertNull(c.objectUrl(EntityKinds.DEVICE, "10012", Map.of()));
        assertEquals("https://example.atlassian.net/browse/OPS-1",
                new JiraConnector(cfg("url", "https://example.atlassian.net/rest/api/3")).objectUrl(EntityKinds.TICKET, "1", Map.of("key", "OPS-1")));
    }
}

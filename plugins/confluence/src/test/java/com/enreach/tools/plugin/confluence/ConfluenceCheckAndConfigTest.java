package com.enreach.tools.plugin.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

/** Connection check, authentication and permission failures, configuration errors and links. */
class ConfluenceCheckAndConfigTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void checkNamesTheSpacesItCanRead(boolean cloud) {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            CheckResult r = ConfluenceConnectorTest.connector(d).checkConnection(new TestContext("kb"));
            assertTrue(r.ok(), r.toString());
            assertEquals((cloud ? "Confluence Cloud" : "Confluence Data Center") + " at " + d.url()
                    + ": spaces OPS (Operations), NET (Network)", r.detail());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void wrongTokenIsAnAuthFailureThatNamesTheSpaceAndNeverTheToken(boolean cloud) {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            Map<String, Object> cfg = new HashMap<>(d.cfg());
            cfg.put(".api.token", "wrong-token-value");
            CheckResult r = new ConfluenceConnector(cfg).checkConnection(new TestContext("kb"));
            assertFalse(r.ok());
            FieldError e = r.errors().get(0);
            assertEquals("auth", e.code());
            assertEquals("api.token", e.field());
            assertTrue(e.message().contains("HTTP 401") && e.message().contains("OPS"), e.message());
            assertFalse(e.message().contains("wrong-token-value"));
            // no page was listed with bad credentials
            assertTrue(d.server().requestsTo(d.listPath()).isEmpty());
        }
    }

    @Test
    void forbiddenSpaceListIsAPermissionErrorNamingTheSpaces() {
        try (ConfluenceDouble d = ConfluenceDouble.standard(true)) {
            d.server().once("GET", ConfluenceDouble.V2_SPACES, Response.text(403, "application/json", "{\"errors\":[]}"));
            PermanentSourceException e = assertThrows(PermanentSourceException.class,
                    () -> ConfluenceConnectorTest.run(d, new TestContext("kb")));
            assertEquals("permission", e.code());
            assertEquals("spaces", e.field());
            assertTrue(e.getMessage().contains("spaces OPS, NET") && e.getMessage().contains("403"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSpaceTheSiteDoesNotShowFailsTheRunNamingIt(boolean cloud) {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            Map<String, Object> cfg = new HashMap<>(d.cfg());
            cfg.put("spaces", "OPS, SECRET");
            PermanentSourceException e = assertThrows(PermanentSourceException.class,
                    () -> new ConfluenceConnector(cfg).fetch(new TestContext("kb"), new com.enreach.tools.testkit.CollectingSink()));
            assertEquals("space_not_found", e.code());
            assertTrue(e.getMessage().contains("space SECRET"), e.getMessage());
        }
    }

    @Test
    void invalidConfigurationIsReportedPerField() {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("flavor", "onprem");
        cfg.put("api.token", "plain-text");
        cfg.put("spaces", "OPS, bad key!");
        cfg.put("page.size", "500");
        List<FieldError> errors = new ConfluenceConnector(cfg).validate();
        Map<String, String> byField = errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::code, (a, b) -> a));
        assertEquals("invalid", byField.get("flavor"));
        assertEquals("required", byField.get("url"));
        assertEquals("required", byField.get("email"));
        assertEquals("insecure", byField.get("api.token"));
        assertEquals("invalid", byField.get("spaces"));
        assertEquals("out_of_range", byField.get("page.size"));

        Map<String, Object> dc = new HashMap<>(Map.of("url", "https://wiki.example.com/rest/api", "flavor", "datacenter",
                ".api.token", "pat", "spaces", "OPS"));
        assertEquals(List.of(), new ConfluenceConnector(dc).validate(), "Data Center needs no e-mail");
        Map<String, Object> none = new HashMap<>(dc);
        none.remove("spaces");
        assertEquals("required", new ConfluenceConnector(none).validate().get(0).code());
    }

    @Test
    void objectUrlLinksThePageWithoutCredentials() {
        Map<String, Object> cloud = new HashMap<>(Map.of("url", "https://kb-reader:hunter2@example.atlassian.net/wiki",
                "email", "a@example.com", ".api.token", "t", "spaces", "OPS"));
        ConfluenceConnector c = new ConfluenceConnector(cloud);
        assertEquals("https://example.atlassian.net/wiki/pages/viewpage.action?pageId=65603",
                c.objectUrl(EntityKinds.ARTICLE, "65603", Map.of()));
        assertNull(c.objectUrl(EntityKinds.DEVICE, "65603", Map.of()));

        Map<String, Object> dc = new HashMap<>(Map.of("url", "https://wiki.example.com:8443/confluence/", "flavor", "datacenter",
                ".api.token", "pat", "spaces", "OPS"));
        assertEquals("https://wiki.example.com:8443/confluence/pages/viewpage.action?pageId=65603",
                new ConfluenceConnector(dc).objectUrl(EntityKinds.ARTICLE, "65603", Map.of()));
    }
}

package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.DatabaseHealth;
import com.enreach.tools.api.HealthService;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.TokenService;
import com.enreach.tools.api.plugin.FieldError;

import jakarta.ws.rs.core.Response;

class HealthResourceTest {
    static final Instant NOW = Instant.now();
    HealthResource resource;

    static Bundle bundle(String name, int state) {
        Bundle b = mock(Bundle.class);
        when(b.getSymbolicName()).thenReturn(name);
        when(b.getVersion()).thenReturn(Version.parseVersion("1.2.3"));
        when(b.getState()).thenReturn(state);
        when(b.getHeaders("")).thenReturn(new Hashtable<>());
        return b;
    }

    static SourceInstance source(String name, boolean present, boolean enabled, List<FieldError> errors, String status, Instant success) {
        return new SourceInstance(name, "vcenter", name, present, enabled, errors, Map.of("password", "s3cret"), 60, success, success, status,
                1L, 10, 0, null, null, Set.of());
    }

    @BeforeEach
    void setUp() {
        BundleContext context = mock(BundleContext.class);
        Bundle rest = bundle("com.enreach.tools.rest", Bundle.ACTIVE);
        when(context.getBundle()).thenReturn(rest);
        Bundle[] all = {bundle("org.apache.felix.scr", Bundle.ACTIVE), rest, bundle("com.enreach.tools.core", Bundle.ACTIVE),
                bundle("com.enreach.tools.plugin.vcenter", Bundle.INSTALLED)};
        when(context.getBundles()).thenReturn(all);
        resource = new HealthResource(context);
        TokenService tokens = mock(TokenService.class);
        when(tokens.authenticate(anyString())).thenReturn(Optional.empty());
        when(tokens.authenticate("enr_good")).thenReturn(Optional.of(new ApiToken(1, "ops", Role.VIEWER, "enr_g", NOW, null, null)));
        resource.tokens = tokens;
    }

    @Test
    void withoutTheCoreTheLivenessIsOkButTheReadinessIsA503NamingTheCore() {
        assertEquals(Map.of("status", "ok"), resource.health(null));
        Response r = resource.ready();
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertTrue(((HealthResource.Readiness) r.getEntity()).reason().contains("com.enreach.tools.core"), r.getEntity().toString());
    }

    @Test
    void onlyAValidTokenSeesTheDetailsAndProblemsMakeItDegraded() {
        HealthService h = mock(HealthService.class);
        when(h.database()).thenReturn(new DatabaseHealth("sqlite", "31", 31, 0, 4096, 0, true, null));
        resource.health = h;
        SourceService s = mock(SourceService.class);
        when(s.sources()).thenReturn(List.of(source("vc-ok", true, true, List.of(), "succeeded", NOW.minusSeconds(90)),
                source("vc-failed", true, true, List.of(), "failed", NOW.minusSeconds(7200)),
                source("vc-gone", false, true, List.of(), "succeeded", null),
                source("vc-bad", true, true, List.of(new FieldError("url", "required", "url is required")), null, null),
                source("vc-off", false, false, List.of(), null, null)));
        resource.sources = s;

        assertEquals(Map.of("status", "ok"), resource.health(null));
        assertEquals(Map.of("status", "ok"), resource.health("Bearer enr_unknown"), "a stale token is no error for a probe");
        assertEquals(200, resource.ready().getStatus());

        HealthResource.Details d = (HealthResource.Details) resource.health("Bearer enr_good");
        assertTrue(d.ready());
        assertEquals("1.2.3", d.version());
        assertEquals("31", d.database().schemaVersion());
        assertEquals(List.of("com.enreach.tools.core", "com.enreach.tools.plugin.vcenter", "com.enreach.tools.rest"),
                d.plugins().stream().map(HealthResource.PluginState::name).toList(), "the platform's bundles only");
        assertEquals("degraded", d.status());
        assertEquals(List.of("bundle com.enreach.tools.plugin.vcenter is installed", "source vc-failed: its last run failed",
                "source vc-gone: its plugin (kind vcenter) is not installed", "source vc-bad: 1 configuration error(s)"), d.problems());
        HealthResource.SourceHealth ok = d.sources().get(0);
        assertTrue(ok.lastSuccessAgeSeconds() >= 90);
        assertNull(d.sources().get(2).lastSuccessAgeSeconds());
        assertFalse(d.toString().contains("s3cret"), "no configuration value is shown");
    }

    @Test
    void pendingMigrationsOrAnUnansweringDatabaseAreNotReady() {
        HealthService h = mock(HealthService.class);
        resource.health = h;
        when(h.database()).thenReturn(new DatabaseHealth("sqlite", "30", 30, 1, 4096, 0, true, null));
        assertEquals(503, resource.ready().getStatus());
        assertEquals("1 database migrations are not applied", ((HealthResource.Readiness) resource.ready().getEntity()).reason());
        when(h.database()).thenReturn(new DatabaseHealth("sqlite", null, 0, 0, 0, 0, false, "disk I/O error"));
        assertEquals("the master database does not answer: disk I/O error", ((HealthResource.Readiness) resource.ready().getEntity()).reason());
        HealthResource.Details d = (HealthResource.Details) resource.health("Bearer enr_good");
        assertFalse(d.ready());
        assertEquals("degraded", d.status());
    }
}

package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin jar removed from and dropped back into deploy/ while the platform runs: its instances go absent and
 * come back, their data stays, and the core is never restarted.
 */
public class HotDeployIT extends PlatformTestSupport {
    private static final String DEMO_BSN = Container.DEMO;

    /** What would change if the core or REST bundle were restarted or its components re-created. */
    record CoreState(long coreBundleId, long coreLastModified, long restBundleId, long restLastModified, long syncServiceId,
                     long sourceServiceId) {
        static CoreState of(BundleContext ctx) {
            Bundle core = bundle(ctx, "com.enreach.tools.core");
            Bundle rest = bundle(ctx, "com.enreach.tools.rest");
            assertEquals(Bundle.ACTIVE, core.getState());
            assertEquals(Bundle.ACTIVE, rest.getState());
            return new CoreState(core.getBundleId(), core.getLastModified(), rest.getBundleId(), rest.getLastModified(),
                    serviceId(ctx, SyncService.class), serviceId(ctx, SourceService.class));
        }

        private static long serviceId(BundleContext ctx, Class<?> type) {
            ServiceReference<?> ref = ctx.getServiceReference(type);
            assertNotNull(type.getSimpleName() + " is registered", ref);
            return (Long) ref.getProperty("service.id");
        }
    }

    @Test
    public void pluginJarRemovedAndDroppedBackWhileThePlatformRuns() throws IOException {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SourceProperties.INSTANCE, "itstub-one");
        ServiceRegistration<SourceConnector> stub = bundleContext.registerService(SourceConnector.class, new StubConnector(), props);
        try {
            writeConfig("source.demo-hot.cfg", "size=300\nseed=3\n");
            awaitLive("demo-hot");
            JsonNode first = sync("demo-hot");
            assertEquals(first.toString(), "succeeded", first.path("status").asText());
            assertEquals(300, first.path("added").asLong());
            assertNotNull(bundleOrNull(bundleContext, DEMO_BSN));
            CoreState before = CoreState.of(bundleContext);

            // Remove the jar: the bundle is uninstalled, the instance is reported absent, its data stays.
            Path jar = home().resolve("deploy").resolve(Container.DEMO_JAR);
            Files.delete(jar);
            JsonNode absent = awaitSource("demo-hot", "to be reported absent", s -> !s.path("present").asBoolean());
            await("the demo bundle to be uninstalled", CHANGE, () -> bundleOrNull(bundleContext, DEMO_BSN), b -> b == null);
            assertEquals(absent.toString(), 300, absent.path("active_devices").asLong());
            assertEquals("succeeded", absent.path("last_status").asText());
            assertEquals(300, count("source_instance=demo-hot"));
            assertEquals(300, count("source_instance=demo-hot&status=active"));
            long deviceId = api.get("/api/devices?source_instance=demo-hot&limit=1", admin).at("/results/0/id").asLong();
            assertEquals(200, api.get("/api/devices/" + deviceId, admin).status());
            JsonNode history = api.get("/api/sync/runs?instance=demo-hot", admin).json();
            assertEquals(history.toString(), 1, history.path("count").asLong());
            assertEquals(first.path("id").asLong(), history.at("/results/0/id").asLong());
            assertEquals(200, api.get("/api/health", null).status());
            assertEquals(200, api.get("/api/openapi.json", admin).status());

            Api.Reply refused = api.post("/api/sources/demo-hot/sync", admin);
            assertEquals(refused.toString(), 409, refused.status());
            assertEquals("plugin_absent", refused.errorCode());

            // Another plugin still runs.
            awaitLive("itstub-one");
            JsonNode other = sync("itstub-one");
            assertEquals(other.toString(), "succeeded", other.path("status").asText());
            assertEquals(3, other.path("added").asLong());
            assertEquals(before, CoreState.of(bundleContext));

            // Drop the jar back: the instance is live again and its next run matches the devices already there.
            moveInto(home().resolve("deploy"), Container.DEMO_JAR, Files.readAllBytes(Container.projectBundle(Container.DEMO)));
            awaitLive("demo-hot");
            assertNotNull(bundleOrNull(bundleContext, DEMO_BSN));
            JsonNode again = sync("demo-hot");
            assertEquals(again.toString(), "succeeded", again.path("status").asText());
            assertEquals(0, again.path("added").asLong());
            assertEquals(0, again.path("stale").asLong());
            assertEquals(300, count("source_instance=demo-hot"));
            assertEquals(2, api.get("/api/sync/runs?instance=demo-hot", admin).json().path("count").asLong());
            assertEquals(before, CoreState.of(bundleContext));
        } finally {
            stub.unregister();
        }
        JsonNode stubGone = awaitSource("itstub-one", "to be reported absent", s -> !s.path("present").asBoolean());
        assertFalse(stubGone.path("present").asBoolean());
        assertTrue(api.get("/api/sources", admin).json().size() >= 2);
    }

    static Bundle bundle(BundleContext ctx, String bsn) {
        Bundle b = bundleOrNull(ctx, bsn);
        assertNotNull(bsn + " is installed", b);
        return b;
    }

    static Bundle bundleOrNull(BundleContext ctx, String bsn) {
        return Arrays.stream(ctx.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst().orElse(null);
    }
}

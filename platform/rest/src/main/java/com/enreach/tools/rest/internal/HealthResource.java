package com.enreach.tools.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.DatabaseHealth;
import com.enreach.tools.api.HealthService;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.TokenService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health}: liveness for load balancers and scripts, no token needed, nothing but the status; with a valid
 * token (any role) the details an operator needs: readiness, version, the database (schema version, pending
 * migrations, sizes), each platform bundle's state and each source instance's last run and its age. A missing or
 * unknown token gets the plain answer, never an error, so a probe with a stale token keeps working.
 * {@code GET /health/ready}: readiness, no token needed: 200 once the core is up with its migrations done, else 503
 * with the reason.
 */
@Component(service = HealthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    /** Bundles whose symbolic name starts with this are the platform's own (core, API, plugins). */
    static final String PLATFORM_PREFIX = "com.enreach.tools";
    static final String CORE = "com.enreach.tools.core";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthService health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SourceService sources;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile TokenService tokens;

    private final BundleContext context;

    @Activate
    public HealthResource(BundleContext context) {
        this.context = context;
    }

    /** One platform bundle: symbolic name, version, OSGi state. */
    public record PluginState(String name, String version, String state) {
    }

    /** One source instance: whether it can run, and how long ago it last succeeded. */
    public record SourceHealth(String instance, String kind, boolean enabled, boolean pluginPresent, int configErrors,
                               String lastStatus, Instant lastAttempt, Instant lastSuccess, Long lastSuccessAgeSeconds,
                               boolean running) {
    }

    /** The details: {@code status} is {@code ok}, or {@code degraded} with the {@code problems} that make it so. */
    public record Details(String status, boolean ready, String version, String release, Instant checkedAt, DatabaseHealth database,
                          List<PluginState> plugins, List<SourceHealth> sources, List<String> problems) {
    }

    /** The readiness answer: {@code ready}, or {@code not_ready} with the reason. */
    public record Readiness(String status, String reason) {
    }

    @GET
    @Answers(status = 200, value = Details.class)
    public Object health(@HeaderParam("Authorization") String authorization) {
        if (!authenticated(authorization)) {
            return Map.of("status", "ok");
        }
        return details(Instant.now());
    }

    @GET
    @Path("ready")
    @Answers(status = 200, value = Readiness.class)
    public Response ready() {
        String reason = notReady();
        if (reason != null) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .entity(new Readiness("not_ready", reason)).build();
        }
        return Response.ok(new Readiness("ready", null)).build();
    }

    private boolean authenticated(String authorization) {
        TokenService t = tokens;
        if (t == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Optional<ApiToken> token = t.authenticate(authorization.substring(7).trim());
        return token.isPresent();
    }

    /** Why the platform cannot serve yet, or null when it can. */
    private String notReady() {
        HealthService h = health;
        if (h == null) {
            return "the core (" + CORE + ") is not running: its database is not open or not migrated yet";
        }
        DatabaseHealth d = h.database();
        if (!d.ok()) {
            return "the master database does not answer: " + d.problem();
        }
        if (d.migrationsPending() > 0) {
            return d.migrationsPending() + " database migrations are not applied";
        }
        return null;
    }

    Details details(Instant now) {
        List<String> problems = new ArrayList<>();
        String notReady = notReady();
        if (notReady != null) {
            problems.add(notReady);
        }
        HealthService h = health;
        DatabaseHealth database = h == null ? null : h.database();
        List<PluginState> plugins = plugins();
        for (PluginState p : plugins) {
            if (!p.state().equals("active") && !p.state().equals("resolved")) {
                problems.add("bundle " + p.name() + " is " + p.state());
            }
        }
        List<SourceHealth> list = new ArrayList<>();
        SourceService s = sources;
        if (s != null) {
            for (SourceInstance i : s.sources()) {
                SourceHealth x = source(i, now);
                list.add(x);
                if (!x.enabled()) {
                    continue;
                }
                if (!x.pluginPresent()) {
                    problems.add("source " + x.instance() + ": its plugin (kind " + x.kind() + ") is not installed");
                } else if (x.configErrors() > 0) {
                    problems.add("source " + x.instance() + ": " + x.configErrors() + " configuration error(s)");
                } else if ("failed".equals(x.lastStatus())) {
                    problems.add("source " + x.instance() + ": its last run failed");
                }
            }
        }
        return new Details(problems.isEmpty() ? "ok" : "degraded", notReady == null, version(), context.getProperty("enreach.release"), now, database, plugins, list, problems);
    }

    static SourceHealth source(SourceInstance i, Instant now) {
        Long age = i.lastSuccess() == null ? null : Math.max(0, Duration.between(i.lastSuccess(), now).getSeconds());
        return new SourceHealth(i.instance(), i.kind(), i.enabled(), i.present(), i.configErrors() == null ? 0 : i.configErrors().size(),
                i.lastStatus(), i.lastAttempt(), i.lastSuccess(), age, i.runningRunId() != null);
    }

    private List<PluginState> plugins() {
        List<PluginState> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && name.startsWith(PLATFORM_PREFIX)) {
                boolean fragment = b.getHeaders("").get("Fragment-Host") != null;
                out.add(new PluginState(name, b.getVersion().toString(), fragment && b.getState() == Bundle.RESOLVED ? "resolved" : state(b.getState())));
            }
        }
        out.sort(Comparator.comparing(PluginState::name));
        return out;
    }

    private String version() {
        return context.getBundle().getVersion().toString();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.INSTALLED -> "installed";
            default -> "uninstalled";
        };
    }
}

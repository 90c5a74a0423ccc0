package com.enreach.tools.plugin.foreman;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.WebLinks;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/** One Foreman instance per {@code etc/source.foreman-<name>.cfg}: hosts with interfaces and IP addresses. */
@Component(service = SourceConnector.class, configurationPid = "source.foreman", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ForemanConfig.class, factory = true)
public class ForemanConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("foreman", "Foreman",
            Set.of(EntityKinds.DEVICE, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS),
            "Hosts managed by Foreman, with OS, host group, location, build and report status, interfaces and IP addresses");

    private final HttpSettings settings;
    private final String username;
    private final String password;
    private final int pageSize;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public ForemanConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        // people paste the API URL as often as the base URL; both mean the same Foreman
        URI url = HttpSettings.readUrl(f, "/api/v2", "/api");
        this.username = f.required("username");
        this.password = f.secret("password", true);
        this.settings = HttpSettings.reader("not_found").timeoutSeconds(ForemanConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
        this.pageSize = f.integer("page.size", 100, 1, 1000);
        Checks.coreKeys(f);
        this.errors = f.errors();
        this.linkBase = WebLinks.base(url);
    }

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate() {
        return errors;
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> {
            SourceHttp http = http();
            JsonNode status = context.call("GET /api/status", () -> http.getJson("/api/status"));
            // /api/status answers any logged-in user; listing one host proves the view_hosts permission too.
            JsonNode hosts = context.call("GET /api/hosts", () -> http.getJson("/api/hosts?per_page=1&thin=true"));
            String version = HostMapper.text(status, "version");
            Long count = HostRun.count(hosts);
            return "Foreman " + (version == null ? "(version unknown)" : version)
                    + (count != null ? ", " + count + " hosts visible to " + username : "");
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        Checks.requireValid("Foreman", errors);
        new HostRun(http(), pageSize, context, sink).run();
    }

    /**
     * The host's page in the Foreman web UI, {@code <url>/hosts/<name>}: Foreman's own host links use the host
     * name (its FQDN) as the id, and the route also accepts the numeric id (the source id), used when the name was
     * not stored. Foreman 3.x opens its new host details page from this route.
     */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        String id = WebLinks.text(metadata, IdentityKeys.FQDN);
        if (id == null) {
            id = sourceId;
        }
        return linkBase == null || id == null || id.isBlank() ? null : linkBase + "/hosts/" + WebLinks.segment(id);
    }

    private SourceHttp http() throws SourceException {
        return settings.builder("Foreman").basicAuth(username, password).build();
    }
}

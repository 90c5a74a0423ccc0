package com.enreach.tools.plugin.vcenter;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.spi.CheckResult;
import com.enreach.tools.api.spi.ConfigFields;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.SourceHttp;

/**
 * A vCenter source: one instance per {@code etc/source.vcenter-<name>.cfg}. It logs in over vim25 SOAP, reads
 * clusters, networks, hosts and VMs through one container view page by page, and logs out.
 */
@Component(service = SourceConnector.class, configurationPid = "source.vcenter", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VcenterConfig.class, factory = true)
public class VcenterConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("vcenter", "VMware vCenter",
            Set.of(EntityKinds.DEVICE, EntityKinds.RELATIONSHIP, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS, EntityKinds.SERVER_FACTS),
            "Virtual machines, ESXi hosts, clusters and networks of a vCenter, read over its vim25 SOAP API");

    private final URI url;
    private final VimSession.Credentials credentials;
    private final boolean insecure;
    private final String caFile;
    private final int pageSize;
    private final int timeoutSeconds;
    private final List<FieldError> errors;

    @Activate
    public VcenterConnector(Map<String, Object> properties) {
        this(properties, System::getenv);
    }

    VcenterConnector(Map<String, ?> properties, Function<String, String> env) {
        ConfigFields f = new ConfigFields(properties, env);
        this.url = withoutSdk(f.httpUrl("url"));
        String username = f.required("username");
        String password = f.secret("password", true);
        this.credentials = new VimSession.Credentials(username, password);
        this.insecure = f.bool("insecure", false);
        this.caFile = f.string("ca.file", null);
        this.pageSize = f.integer("page.size", 500, 1, 10_000);
        this.timeoutSeconds = f.integer("timeout.seconds", 120, 5, 3600);
        if (caFile != null && !Files.isReadable(Path.of(caFile))) {
            f.error("ca.file", "not_found", "ca.file " + caFile + " does not exist or cannot be read");
        }
        this.errors = f.errors();
    }

    /** Accepts both https://vc and https://vc/sdk. */
    private static URI withoutSdk(URI u) {
        if (u == null) {
            return null;
        }
        String s = u.toString();
        return s.endsWith(SoapTransport.PATH) ? URI.create(s.substring(0, s.length() - SoapTransport.PATH.length())) : u;
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
        if (!errors.isEmpty()) {
            return CheckResult.failed(errors);
        }
        VimSession session = null;
        try {
            session = new VimSession(transport(), context, credentials);
            session.login();
            return CheckResult.ok(session.about());
        } catch (SourceException e) {
            return CheckResult.failed(e);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        if (!errors.isEmpty()) {
            throw new PermanentSourceException("config", errors.get(0).field(), "vCenter configuration is invalid: "
                    + errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), null, null);
        }
        VimSession session = new VimSession(transport(), context, credentials);
        try {
            sink.phase("login");
            session.login();
            session.createView();
            new InventoryReader(session, context, sink, pageSize).readAll();
        } finally {
            session.close();
        }
    }

    private SoapTransport transport() throws SourceException {
        return new SoapTransport(SourceHttp.builder("vCenter", url)
                .tls(caFile, insecure)
                .cookies()
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .build());
    }
}

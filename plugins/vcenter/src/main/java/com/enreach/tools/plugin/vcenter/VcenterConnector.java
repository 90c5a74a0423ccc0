package com.enreach.tools.plugin.vcenter;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.WebLinks;

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

    private final HttpSettings settings;
    private final VimSession.Credentials credentials;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public VcenterConnector(Map<String, Object> properties) {
        this(properties, System::getenv);
    }

    VcenterConnector(Map<String, ?> properties, Function<String, String> env) {
        ConfigFields f = new ConfigFields(properties, env);
        URI url = HttpSettings.readUrl(f, SoapTransport.PATH); // accepts both https://vc and https://vc/sdk
        String username = f.required("username");
        String password = f.secret("password", true);
        this.credentials = new VimSession.Credentials(username, password);
        this.settings = HttpSettings.reader("not_found").pageSize(500, 10_000).timeoutSeconds(VcenterConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
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
            VimSession session = new VimSession(transport(), context, credentials);
            try {
                session.login();
                return session.about();
            } finally {
                session.close();
            }
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        Checks.requireValid("vCenter", errors);
        VimSession session = new VimSession(transport(), context, credentials);
        try {
            sink.phase("login");
            session.login();
            session.createView();
            new InventoryReader(session, context, sink, settings.pageSize()).readAll();
        } finally {
            session.close();
        }
    }

    /** The object's page in the vSphere Client, from its stored {@code vcenter_urn}; see {@link ClientLinks}. */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        return ClientLinks.of(linkBase, metadata);
    }

    private SoapTransport transport() throws SourceException {
        return new SoapTransport(settings.builder("vCenter").cookies().build());
    }
}

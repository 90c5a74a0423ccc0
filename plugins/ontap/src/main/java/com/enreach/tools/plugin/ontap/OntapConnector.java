package com.enreach.tools.plugin.ontap;

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

/** A NetApp ONTAP cluster read through its REST API; one instance per {@code etc/source.ontap-<name>.cfg}. */
@Component(service = SourceConnector.class, configurationPid = "source.ontap", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OntapConfig.class, factory = true)
public class OntapConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("ontap", "NetApp ONTAP",
            Set.of(EntityKinds.DEVICE, EntityKinds.RELATIONSHIP, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS,
                    EntityKinds.SERVER_FACTS, EntityKinds.STORAGE_VOLUME),
            "Cluster, nodes, aggregates, SVMs, volumes and qtrees with quotas and NFS export rules of an ONTAP cluster");

    private final HttpSettings settings;
    private final String username;
    private final String password;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public OntapConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        // users paste the API root as often as the cluster address; both mean the same base
        URI url = HttpSettings.readUrl(f, "/api");
        this.username = f.required("username");
        this.password = f.secret("password", true);
        this.settings = HttpSettings.reader("invalid").pageSize(OntapConfig.PAGE_SIZE_DEFAULT, OntapConfig.PAGE_SIZE_MAX)
                .timeoutSeconds(OntapConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
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

    /** The object's ONTAP REST URL (cluster, node, aggregate, SVM, volume or qtree); see {@link RestLinks}. */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        return RestLinks.of(linkBase, entityKind, sourceId);
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> {
            OntapClient client = client();
            JsonNode c = context.call("GET " + InventoryRun.CLUSTER_PATH, () -> client.get(InventoryRun.clusterHref()));
            DeviceMapper.Cluster cluster = DeviceMapper.cluster(c);
            return "ONTAP " + (cluster.release() == null ? "" : cluster.release() + " ")
                    + "cluster " + cluster.name() + " at " + settings.url();
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        new InventoryRun(client(), context, sink, hostname(settings.url())).run();
    }

    private OntapClient client() throws SourceException {
        Checks.requireValid("ONTAP", errors); // the core only runs valid instances; this guards direct callers
        SourceHttp http = settings.builder("ONTAP")
                .basicAuth(username, password)
                .build();
        return new OntapClient(http, settings.pageSize());
    }

    /** The DNS name in the url, or null when the url holds an IP address. */
    static String hostname(URI u) {
        String host = u.getHost();
        if (host == null || host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+")) {
            return null;
        }
        return host.toLowerCase(java.util.Locale.ROOT);
    }
}

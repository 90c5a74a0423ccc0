package com.enreach.tools.plugin.oxidized;

import java.net.URI;
import java.util.ArrayList;
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
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.SourceHttp;
import com.enreach.tools.source.support.WebLinks;
import com.fasterxml.jackson.databind.JsonNode;

/** One oxidized-web per {@code etc/source.oxidized-<name>.cfg}: network devices and their stored configurations. */
@Component(service = SourceConnector.class, configurationPid = "source.oxidized", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OxidizedConfig.class, factory = true)
public class OxidizedConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("oxidized", "Oxidized",
            Set.of(EntityKinds.DEVICE, EntityKinds.IP_ADDRESS, EntityKinds.DEVICE_CONFIG),
            "Network devices backed up by Oxidized, with model, group, last backup status and the latest configuration text");

    private final HttpSettings settings;
    private final String username;
    private final String password;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public OxidizedConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        URI url = f.httpUrl("url");
        this.username = f.string("username", null);
        this.password = f.secret("password", username != null);
        if (username == null && password != null) {
            f.error("username", "required", "username is required when a proxy password is set");
        }
        this.settings = HttpSettings.reader("not_found").timeoutSeconds(OxidizedConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
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
        return Checks.run(errors, () -> "oxidized-web at " + settings.url() + ", " + nodes(http(), context).size() + " nodes");
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        Checks.requireValid("oxidized-web", errors);
        SourceHttp http = http();
        sink.phase("nodes");
        List<OxidizedNode> nodes = nodes(http, context);
        for (OxidizedNode n : nodes) {
            sink.device(n.device());
        }
        new ConfigFetcher(http, context, sink).fetchAll(nodes);
    }

    /** The whole node list; every entry must be readable, or the run cannot know which devices exist. */
    private static List<OxidizedNode> nodes(SourceHttp http, SourceContext context) throws SourceException {
        JsonNode list = context.call("GET /nodes.json", () -> http.getJson("/nodes.json"));
        String where = "oxidized-web GET /nodes.json";
        if (!list.isArray()) {
            throw PermanentSourceException.malformed(where, "expected a list of nodes", null);
        }
        List<OxidizedNode> nodes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            OxidizedNode n = OxidizedNode.parse(list.get(i));
            if (n == null) {
                throw PermanentSourceException.malformed(where, "entry " + (i + 1) + " is not a node with a name", null);
            }
            nodes.add(n);
        }
        return nodes;
    }

    /**
     * The node's page in oxidized-web, {@code <url>/node/show/<name>} (its route {@code get '/node/show/:node'}),
     * for the node and for its configuration. The route takes the bare node name, so the group the source id
     * starts with ({@code group/name}) is left out.
     */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        if (linkBase == null || sourceId == null || sourceId.isBlank()) {
            return null;
        }
        String group = WebLinks.text(metadata, "group");
        String name = group != null && sourceId.startsWith(group + "/") ? sourceId.substring(group.length() + 1) : sourceId;
        return linkBase + "/node/show/" + WebLinks.segment(name);
    }

    private SourceHttp http() throws SourceException {
        SourceHttp.Builder b = settings.builder("oxidized-web");
        if (username != null) {
            b.basicAuth(username, password);
        }
        return b.build();
    }
}

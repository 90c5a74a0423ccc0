package com.enreach.tools.plugin.puppetdb;

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
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.SourceHttp;
import com.enreach.tools.source.support.WebLinks;

/** A PuppetDB instance: one per {@code etc/source.puppetdb-<name>.cfg}. */
@Component(service = SourceConnector.class, configurationPid = "source.puppetdb", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PuppetDbConfig.class, factory = true)
public class PuppetDbConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("puppetdb", "PuppetDB",
            Set.of(EntityKinds.DEVICE, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS, EntityKinds.SERVER_FACTS),
            "Active Puppet nodes with their structured facts (OS, CPU, memory, disks, hardware, interfaces, IPs) and last report status");

    private final HttpSettings settings;
    private final String token;
    private final boolean reportStatus;
    private final List<FieldError> errors;
    private final String linkBase;
    private final String boardBase;

    @Activate
    public PuppetDbConnector(Map<String, Object> properties) {
        this(properties, System::getenv);
    }

    /** With the environment that {@code token.env} is read from (tests). */
    PuppetDbConnector(Map<String, Object> properties, java.util.function.Function<String, String> environment) {
        ConfigFields f = new ConfigFields(properties, environment);
        URI url = f.httpUrl("url");
        this.token = f.secret("token", false);
        this.settings = HttpSettings.reader("invalid").pageSize(500, 5000).timeoutSeconds(PuppetDbConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
        this.reportStatus = f.bool("report.status", true);
        Checks.coreKeys(f);
        if (url != null && url.getPath() != null && url.getPath().contains("/pdb/")) {
            f.error("url", "invalid", "url must be PuppetDB's root (e.g. http://puppetdb:8080), without /pdb/..., got '" + url + "'");
        }
        // optional: a Puppetboard in front of this PuppetDB gives people a page per node instead of JSON
        URI board = f.string("ui.url", null) == null ? null : f.httpUrl("ui.url");
        this.errors = f.errors();
        this.linkBase = WebLinks.base(url);
        this.boardBase = WebLinks.base(board);
    }

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate() {
        return errors;
    }

    /**
     * The node's page: with {@code ui.url} set, Puppetboard's node dashboard {@code <ui.url>/node/<certname>};
     * otherwise PuppetDB's own node object in query API v4, {@code <url>/pdb/query/v4/nodes/<certname>} (documented
     * in PuppetDB's API reference, "nodes" endpoint). The source id is the certname.
     */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        if (sourceId == null || sourceId.isBlank()) {
            return null;
        }
        if (boardBase != null) {
            return boardBase + "/node/" + WebLinks.segment(sourceId);
        }
        return linkBase == null ? null : linkBase + "/pdb/query/v4/nodes/" + WebLinks.segment(sourceId);
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> classifying(() -> {
            PuppetDbClient client = client();
            String version = context.call("GET " + PuppetDbClient.VERSION, client::version);
            // the version endpoint may be open to all: a one-node query proves read access to the inventory
            context.call("GET " + PuppetDbClient.INVENTORY + " limit 1", () -> client.inventoryPage(1, 0, 1));
            return "PuppetDB " + version + " at " + settings.url();
        }));
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        classifying(() -> {
            new InventoryFetch(client(), settings.pageSize(), reportStatus, context, sink).run();
            return null;
        });
    }

    private PuppetDbClient client() throws SourceException {
        Checks.requireValid("PuppetDB", errors);
        SourceHttp.Builder b = settings.builder("PuppetDB");
        if (token != null) {
            b.header("X-Authentication", token);
        }
        return new PuppetDbClient(b.build());
    }

    /** Runs a call with its failures {@linkplain #classified classified}. */
    private <T> T classifying(SourceCall<T> call) throws SourceException {
        try {
            return call.call();
        } catch (SourceException e) {
            throw classified(e);
        }
    }

    /**
     * Points failures at this plugin's settings: SourceHttp blames "username" for a 401/403, but here the only
     * credential is the token; and a refused connection (root cause ClosedChannelException under the JDK client's
     * ConnectException) comes out as a generic "io" failure, which we name "unreachable".
     */
    private SourceException classified(SourceException e) {
        if ("auth".equals(e.code())) {
            return new PermanentSourceException("auth", "token", e.userMessage()
                    + ": set .token or token.env to a token allowed to query PuppetDB (X-Authentication), or use an HTTP"
                    + " endpoint that needs no client certificate", null, e);
        }
        if ("io".equals(e.code()) && causedBy(e, java.net.ConnectException.class)) {
            return new RetryableSourceException("unreachable", "PuppetDB at " + settings.url()
                    + " refused the connection (is it running, is the port right?)", e);
        }
        return e;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}

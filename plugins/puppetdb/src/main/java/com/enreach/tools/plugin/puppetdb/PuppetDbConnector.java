package com.enreach.tools.plugin.puppetdb;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.SourceHttp;

/** A PuppetDB instance: one per {@code etc/source.puppetdb-<name>.cfg}. */
@Component(service = SourceConnector.class, configurationPid = "source.puppetdb", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PuppetDbConfig.class, factory = true)
public class PuppetDbConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("puppetdb", "PuppetDB",
            Set.of(EntityKinds.DEVICE, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS, EntityKinds.SERVER_FACTS),
            "Active Puppet nodes with their structured facts (OS, CPU, memory, disks, hardware, interfaces, IPs) and last report status");

    private final URI url;
    private final String token;
    private final boolean insecure;
    private final String caFile;
    private final int pageSize;
    private final boolean reportStatus;
    private final List<FieldError> errors;

    @Activate
    public PuppetDbConnector(Map<String, Object> properties) {
        this(properties, System::getenv);
    }

    /** With the environment that {@code token.env} is read from (tests). */
    PuppetDbConnector(Map<String, Object> properties, java.util.function.Function<String, String> environment) {
        ConfigFields f = new ConfigFields(properties, environment);
        this.url = f.httpUrl("url");
        this.token = f.secret("token", false);
        this.insecure = f.bool("insecure", false);
        this.caFile = f.string("ca.file", null);
        this.pageSize = f.integer("page.size", 500, 1, 5000);
        this.reportStatus = f.bool("report.status", true);
        f.integer("schedule.minutes", 0, 0, 525_600); // read by the core; checked here so a typo shows in validate()
        f.integer("delete.budget.percent", 10, 0, 100);
        if (url != null && url.getPath() != null && url.getPath().contains("/pdb/")) {
            f.error("url", "invalid", "url must be PuppetDB's root (e.g. http://puppetdb:8080), without /pdb/..., got '" + url + "'");
        }
        if (caFile != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(caFile))) {
            f.error("ca.file", "invalid", "ca.file " + caFile + " does not exist or cannot be read");
        }
        this.errors = f.errors();
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
        try {
            PuppetDbClient client = client();
            String version = context.call("GET " + PuppetDbClient.VERSION, client::version);
            // the version endpoint may be open to all: a one-node query proves read access to the inventory
            context.call("GET " + PuppetDbClient.INVENTORY + " limit 1", () -> client.inventoryPage(0, 1));
            return CheckResult.ok("PuppetDB " + version + " at " + url);
        } catch (SourceException e) {
            return CheckResult.failed(classified(e));
        }
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        try {
            new InventoryFetch(client(), pageSize, reportStatus, context, sink).run();
        } catch (SourceException e) {
            throw classified(e);
        }
    }

    private PuppetDbClient client() throws SourceException {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new PermanentSourceException("config", first.field(), first.message(), null, null);
        }
        SourceHttp.Builder b = SourceHttp.builder("PuppetDB", url).tls(caFile, insecure);
        if (token != null) {
            b.header("X-Authentication", token);
        }
        return new PuppetDbClient(b.build());
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
            return new RetryableSourceException("unreachable", "PuppetDB at " + url
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

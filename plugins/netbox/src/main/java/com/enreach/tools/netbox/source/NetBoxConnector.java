package com.enreach.tools.netbox.source;

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
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.plugin.SecretKeyFile;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.netbox.internal.HttpNetBoxClient;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.WebLinks;

/** A NetBox read as a source; one instance per {@code etc/source.netbox-<name>.cfg}. */
@Component(service = SourceConnector.class, configurationPid = "source.netbox", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NetBoxSourceConfig.class, factory = true)
public class NetBoxConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("netbox", "NetBox",
            Set.of(EntityKinds.DEVICE, EntityKinds.RELATIONSHIP, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS),
            "Devices, virtual machines and clusters of a NetBox with their interfaces, MACs and IP addresses, tags and custom fields");
    /** Writes are not this plugin's business; the bulk size only matters to the writer. */
    private static final int BATCH_SIZE = 100;

    private final HttpSettings settings;
    private final String token;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public NetBoxConnector(Map<String, Object> properties) {
        this(properties, System::getenv);
    }

    NetBoxConnector(Map<String, Object> properties, Function<String, String> env) {
        ConfigFields f = new ConfigFields(properties, env);
        URI url = HttpSettings.readUrl(f, "/api");
        this.token = token(f, properties, env);
        this.settings = HttpSettings.reader("invalid")
                .pageSize(NetBoxSourceConfig.PAGE_SIZE_DEFAULT, NetBoxSourceConfig.PAGE_SIZE_MAX)
                .timeoutSeconds(com.enreach.tools.source.support.SourceDefaults.TIMEOUT_SECONDS).read(f, url);
        Checks.coreKeys(f);
        this.errors = f.errors();
        this.linkBase = WebLinks.base(url);
    }

    /** The token from {@code .password} or the environment variable named by {@code token.env}; never a plain key. */
    private static String token(ConfigFields f, Map<String, Object> p, Function<String, String> env) {
        if (p.get("token") != null) {
            f.error("token", "insecure", "write the token as .password=... (private, never shown), encrypted as password=ENC(...)"
                    + " or name an environment variable with token.env=VARIABLE; a plain token= entry would be visible in the console");
            return null;
        }
        // token.env is the metatype's key for token_env; the spelling with an underscore is taken as well
        String key = p.get("token.env") != null ? "token.env" : "token_env";
        String var = f.string(key, null);
        if (var != null && p.get(".password") == null && !SecretKeyFile.isEncrypted(String.valueOf(p.get("password")))) {
            String v = env.apply(var);
            if (v == null || v.isBlank()) {
                f.error(key, "missing_env", "environment variable " + var + " named by " + key + " is not set");
                return null;
            }
            return v.trim();
        }
        String v = f.secret("password", false);
        if (v == null && p.get("password") == null && p.get("password.env") == null) {
            f.error("password", "required", "the NetBox API token is required: set .password=..., password=ENC(...) or token.env=VARIABLE");
        }
        return v;
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
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        if (linkBase == null || sourceId == null) {
            return null;
        }
        String path = sourceId.startsWith(RecordMapper.DEVICE) ? "/dcim/devices/"
                : sourceId.startsWith(RecordMapper.VM) ? "/virtualization/virtual-machines/"
                : sourceId.startsWith(RecordMapper.CLUSTER) ? "/virtualization/clusters/" : null;
        String id = sourceId.substring(sourceId.indexOf('/') + 1);
        return path == null || !id.matches("\\d+") ? null : linkBase + path + id + "/";
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> {
            NetBoxClient client = client();
            Map<String, Object> status = context.call("GET /api/status/", () -> {
                try {
                    return client.status();
                } catch (NetBoxException e) {
                    throw SourceFailures.of(e);
                }
            });
            Object version = status.get("netbox-version");
            return "NetBox " + (version == null ? "" : version + " ") + "at " + settings.url();
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        new NetBoxRun(client(), context, sink).run();
    }

    private NetBoxClient client() throws SourceException {
        Checks.requireValid("NetBox", errors); // the core only runs valid instances; this guards direct callers
        try {
            return new HttpNetBoxClient(new NetBoxConnection(settings.url().toString(), token, settings.pageSize(),
                    BATCH_SIZE, settings.requestTimeout(), settings.insecure(), settings.caFile()));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() == null ? null : e.getMessage().split(":")[0];
            throw new com.enreach.tools.api.spi.PermanentSourceException("config", field, "NetBox configuration is invalid: "
                    + e.getMessage(), null, e);
        }
    }
}

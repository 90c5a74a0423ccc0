package com.enreach.tools.plugin.dorado;

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
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Huawei OceanStor Dorado array ({@code etc/source.dorado-<name>.cfg}): the system, its controllers and
 * storage pools as devices, its LUNs and file systems as volumes.
 *
 * <p>No {@link SourceConnector#objectUrl object links}: DeviceManager is a single-page application without
 * documented or stable deep links, and the REST object URLs ({@code /deviceManager/rest/<device id>/lun/<id>})
 * answer only with the session's {@code iBaseToken} header, so a browser opening one gets an error, never the
 * object. The default (null) applies.
 */
@Component(service = SourceConnector.class, configurationPid = "source.dorado", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DoradoConfig.class, factory = true)
public class DoradoConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("dorado", "Huawei OceanStor Dorado",
            Set.of(EntityKinds.DEVICE, EntityKinds.RELATIONSHIP, EntityKinds.STORAGE_VOLUME),
            "The system, controllers, storage pools, LUNs and file systems of an OceanStor Dorado array");

    private static final String REST_SUFFIX = "/deviceManager/rest";

    private final List<FieldError> errors;
    private final HttpSettings settings;
    private final String username;
    private final String password;
    private final String scope;

    @Activate
    public DoradoConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        URI url = HttpSettings.readUrl(f, REST_SUFFIX);
        this.username = f.required("username");
        this.password = f.secret("password", true);
        this.scope = f.string("scope", DoradoConfig.SCOPE_DEFAULT);
        if (!scope.matches("[0-2]")) {
            f.error("scope", "invalid", "scope must be 0 (local user), 1 (LDAP user) or 2, got '" + scope + "'");
        }
        this.settings = HttpSettings.reader("invalid").pageSize(DoradoConfig.PAGE_SIZE_DEFAULT, DoradoConfig.PAGE_SIZE_MAX)
                .timeoutSeconds(DoradoConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
        Checks.coreKeys(f);
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
        return Checks.run(errors, () -> {
            DoradoSession session = open(context);
            try {
                JsonNode system = first(session.get("GET /system/", "/system/"));
                String model = DoradoValues.text(system, "productModeString");
                String version = DoradoValues.text(system, "PRODUCTVERSION");
                return (model == null ? "OceanStor" : model) + (version == null ? "" : " version " + version)
                        + ", serial " + session.deviceId() + " at " + settings.url();
            } finally {
                session.logout();
            }
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        DoradoSession session = open(context);
        try {
            sink.phase("system");
            JsonNode system = first(session.get("GET /system/", "/system/"));
            DoradoMapper mapper = DoradoMapper.forSystem(system, session.deviceId(), sink::warn);
            sink.device(mapper.system(system, dnsName(settings.url())));

            sink.phase("controllers");
            for (JsonNode c : RangeReader.list(session.get("GET /controller", "/controller"), "/controller")) {
                sink.device(mapper.controller(c));
                sink.relationship(new RelationshipRecord(mapper.controllerId(DoradoValues.text(c, "ID")), RelationshipTypes.PART_OF, mapper.systemId()));
            }
            checkCancelled(context);

            sink.phase("storage pools");
            for (JsonNode p : RangeReader.list(session.get("GET /storagepool", "/storagepool"), "/storagepool")) {
                sink.device(mapper.pool(p));
                sink.relationship(new RelationshipRecord(mapper.poolId(DoradoValues.text(p, "ID")), RelationshipTypes.PART_OF, mapper.systemId()));
            }

            RangeReader ranges = new RangeReader(session, context, sink, mapper.systemId(), settings.pageSize());
            int luns = ranges.read("/lun", "luns", o -> sink.volume(mapper.lun(o)));
            int filesystems = ranges.read("/filesystem", "filesystems", o -> sink.volume(mapper.filesystem(o)));
            sink.phase("done: " + luns + " LUNs, " + filesystems + " file systems");
        } finally {
            session.logout();
        }
    }

    private DoradoSession open(SourceContext context) throws SourceException {
        Checks.requireValid("Dorado", errors);
        SourceHttp http = settings.builder("Dorado", URI.create(settings.url() + REST_SUFFIX)).cookies().build();
        DoradoSession session = new DoradoSession(http, context, username, password, scope);
        session.login();
        return session;
    }

    /** /system/ answers one object (some releases wrap it in a list). */
    private static JsonNode first(JsonNode data) throws PermanentSourceException {
        JsonNode s = data != null && data.isArray() && data.size() > 0 ? data.get(0) : data;
        if (s == null || !s.isObject()) {
            throw PermanentSourceException.malformed("Dorado GET /system/", "no system object in the answer", null);
        }
        return s;
    }

    private static void checkCancelled(SourceContext context) throws PermanentSourceException {
        Checks.notCancelled(context, "Dorado run cancelled before it completed");
    }

    /** The URL's host when it is a DNS name; an IP address says nothing about which machine this is. */
    static String dnsName(URI u) {
        String host = u.getHost();
        if (host == null || host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || !host.matches(".*[a-zA-Z].*")) {
            return null;
        }
        return host;
    }
}

package com.enreach.tools.plugin.confluence;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.plugin.confluence.Pages.Space;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.SourceHttp;
import com.enreach.tools.source.support.WebLinks;

/** The pages of chosen spaces of one Confluence site; one instance per {@code etc/source.confluence-<name>.cfg}. */
@Component(service = SourceConnector.class, configurationPid = "source.confluence", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfluenceConfig.class, factory = true)
public class ConfluenceConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("confluence", "Confluence",
            Set.of(EntityKinds.ARTICLE),
            "Pages of chosen Confluence spaces (Cloud or Data Center) as knowledge-base articles");

    private final Flavor flavor;
    private final HttpSettings settings;
    private final String email;
    private final String token;
    private final List<String> spaces;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public ConfluenceConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        String flavorName = f.string("flavor", "cloud");
        Flavor parsed = Flavor.parse(flavorName);
        if (parsed == null) {
            f.error("flavor", "invalid", "flavor must be cloud or datacenter, got '" + flavorName + "'");
        }
        this.flavor = parsed == null ? Flavor.CLOUD : parsed;
        // people paste the API root or Cloud's /wiki as often as the site address
        URI url = flavor == Flavor.CLOUD ? HttpSettings.readUrl(f, "/wiki/api/v2", "/wiki")
                : HttpSettings.readUrl(f, "/rest/api");
        this.email = flavor == Flavor.CLOUD ? f.required("email") : null;
        this.token = f.secret("api.token", true);
        this.spaces = Spaces.parse(f.required("spaces"));
        if (properties.get("spaces") != null && spaces.isEmpty()) {
            f.error("spaces", "required", "spaces must name at least one space key, e.g. spaces=OPS,NET");
        }
        for (String key : spaces) {
            if (!key.matches("~?[A-Za-z0-9_-]+")) {
                f.error("spaces", "invalid", "'" + key + "' in spaces is not a space key (letters, digits, _ or -; ~ for personal spaces)");
            }
        }
        this.settings = HttpSettings.reader("invalid").pageSize(ConfluenceConfig.PAGE_SIZE_DEFAULT, ConfluenceConfig.PAGE_SIZE_MAX)
                .timeoutSeconds(com.enreach.tools.source.support.SourceDefaults.TIMEOUT_SECONDS).read(f, url);
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

    /** The page in Confluence's web UI from its id ({@code viewpage.action?pageId=}); null for other kinds. */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        if (!EntityKinds.ARTICLE.equals(entityKind) || sourceId == null || linkBase == null) {
            return null;
        }
        return pageLink(flavor, linkBase, sourceId);
    }

    static String pageLink(Flavor flavor, String linkBase, String id) {
        return linkBase + (flavor == Flavor.CLOUD ? "/wiki" : "") + "/pages/viewpage.action?pageId=" + SourceHttp.query(id);
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> {
            List<Space> found = api(context, w -> { }).spaces(spaces);
            return flavor.label + " at " + linkBase + ": space" + (found.size() == 1 ? " " : "s ")
                    + found.stream().map(s -> s.key() + (s.name() == null ? "" : " (" + s.name() + ")"))
                            .collect(Collectors.joining(", "));
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        new SyncRun(api(context, w -> sink.warn("users", w)), context, sink, spaces, settings.pageSize()).run();
    }

    private ConfluenceApi api(SourceContext context, java.util.function.Consumer<String> warn) throws SourceException {
        Checks.requireValid("Confluence", errors); // the core only runs valid instances; this guards direct callers
        SourceHttp.Builder b = settings.builder(ConfluenceClient.SYSTEM);
        if (flavor == Flavor.CLOUD) {
            b.basicAuth(email, token);
        } else {
            b.header("Authorization", "Bearer " + token);
        }
        ConfluenceClient client = new ConfluenceClient(b.build());
        return flavor == Flavor.CLOUD
                ? new CloudApi(client, context, settings.pageSize(), linkBase, warn)
                : new DataCenterApi(client, context, settings.pageSize(), linkBase);
    }
}

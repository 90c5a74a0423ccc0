package com.enreach.tools.plugin.jira;

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
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.SourceDefaults;
import com.enreach.tools.source.support.SourceHttp;
import com.enreach.tools.source.support.WebLinks;
import com.fasterxml.jackson.databind.JsonNode;

/** A Jira site whose issues (selected by JQL) are cached as tickets; one instance per {@code etc/source.jira-<name>.cfg}. */
@Component(service = SourceConnector.class, configurationPid = "source.jira", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = JiraConfig.class, factory = true)
public class JiraConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("jira", "Jira", Set.of(EntityKinds.TICKET),
            "Issues of a Jira Cloud or Data Center site selected by JQL, with description and comments as text");

    private final Flavor flavor;
    private final HttpSettings settings;
    private final String email;
    private final String token;
    private final String selection;
    private final List<FieldError> errors;
    private final String linkBase;

    @Activate
    public JiraConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        // users paste a REST or browse address as often as the site's
        URI url = HttpSettings.readUrl(f, "/rest/api/3", "/rest/api/2", "/browse");
        String flavorName = f.string("flavor", Flavor.CLOUD_NAME);
        Flavor fl = Flavor.of(flavorName);
        if (fl == null) {
            f.error("flavor", "invalid", "flavor must be cloud or datacenter, got '" + flavorName + "'");
            fl = Flavor.CLOUD;
        }
        this.flavor = fl;
        String mail = f.string("email", null);
        if (flavor == Flavor.CLOUD && mail == null) {
            f.error("email", "required", "email is required for Jira Cloud: the Atlassian account the API token belongs to");
        } else if (flavor == Flavor.DATACENTER && mail != null) {
            f.error("email", "not_used", "email is for Jira Cloud; Data Center authenticates with the personal access "
                    + "token alone (remove email, or set flavor=cloud)");
        }
        this.email = mail;
        this.token = f.secret("api.token", true);
        this.selection = Jql.read(f);
        this.settings = HttpSettings.reader("invalid").pageSize(JiraConfig.PAGE_SIZE_DEFAULT, JiraConfig.PAGE_SIZE_MAX)
                .timeoutSeconds(SourceDefaults.TIMEOUT_SECONDS).read(f, url);
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

    /** The issue's page in Jira: {@code /browse/<KEY>} when the key is known, else the id form Jira redirects. */
    @Override
    public String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        if (!EntityKinds.TICKET.equals(entityKind) || linkBase == null || sourceId == null) {
            return null;
        }
        String key = WebLinks.text(metadata, "key");
        return key != null ? TicketMapper.browse(linkBase, key)
                : linkBase + "/secure/ViewIssue.jspa?id=" + WebLinks.segment(sourceId);
    }

    /** Checks the credentials ({@code /myself}) and that Jira accepts the JQL (a one-issue search). */
    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> {
            JiraClient client = client();
            JsonNode me = context.call("GET " + flavor.api + "/myself", client::myself);
            JiraClient.Page page = context.call(client.searchOperation(), () -> client.search(Jql.ordered(selection),
                    TicketMapper.LIST_FIELDS, 1, JiraClient.Cursor.FIRST, null));
            String who = JsonValues.text(me, "displayName");
            String matches = page.total() != null ? page.total() + " issues match the JQL"
                    : page.issues().isEmpty() ? "no issue matches the JQL yet" : "the JQL selects issues";
            return flavor.label + " at " + settings.url() + " as " + (who == null ? "this account" : who) + "; " + matches;
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        new TicketRun(client(), new TicketMapper(flavor, linkBase), context, sink, selection, settings.pageSize()).run();
    }

    private JiraClient client() throws SourceException {
        Checks.requireValid("Jira", errors); // the core only runs valid instances; this guards direct callers
        SourceHttp.Builder b = settings.builder("Jira");
        if (flavor == Flavor.CLOUD) {
            b.basicAuth(email, token);
        } else {
            b.header("Authorization", "Bearer " + token);
        }
        return new JiraClient(b.build(), flavor);
    }
}

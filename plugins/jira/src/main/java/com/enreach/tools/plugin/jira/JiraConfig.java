package com.enreach.tools.plugin.jira;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one Jira site ({@code etc/source.jira-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Jira",
        description = "Caches the issues of a Jira Cloud site (REST v3) or a Jira Data Center server (REST v2) that a "
                + "JQL selects: fields, description and every comment as plain text, incrementally by 'updated'.")
public @interface JiraConfig {
    /** Default and largest {@code page.size} of the cheap listing (ids and updated times only). */
    int PAGE_SIZE_DEFAULT = 500;
    int PAGE_SIZE_MAX = 5000;

    @AttributeDefinition(name = "URL", description = "Site address: https://example.atlassian.net (Cloud) or the "
            + "Data Center base URL with its context path, e.g. https://jira.example.com/jira.")
    String url();

    @AttributeDefinition(name = "Flavor", description = "cloud (REST v3, email + API token) or datacenter "
            + "(REST v2, personal access token).", options = {
            @Option(label = "Jira Cloud", value = Flavor.CLOUD_NAME),
            @Option(label = "Jira Data Center / Server", value = Flavor.DATACENTER_NAME)})
    String flavor() default Flavor.CLOUD_NAME;

    @AttributeDefinition(name = "E-mail (Cloud)", required = false,
            description = "Atlassian account e-mail the API token belongs to; Cloud only.")
    String email();

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD, required = false,
            description = "Cloud: API token of the account; Data Center: personal access token (private .api.token key, never shown).")
    String _api_token();

    @AttributeDefinition(name = "API token variable", required = false,
            description = "Name of an environment variable holding the token, instead of .api.token.")
    String api_token_env();

    @AttributeDefinition(name = "JQL", required = false, description = "The whole selection, without ORDER BY "
            + "(the plugin orders by key). When set, projects, issue.types and updated.since must be empty.")
    String jql();

    @AttributeDefinition(name = "Projects", required = false, description = "Comma-separated project keys, e.g. OPS,INFRA.")
    String projects();

    @AttributeDefinition(name = "Issue types", required = false, description = "Comma-separated issue type names, e.g. Incident,Bug.")
    String issue_types();

    @AttributeDefinition(name = "Updated since", required = false,
            description = "Only issues updated since: a relative period like -365d or -12w, or a date 2024-01-31.")
    String updated_since();

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false,
            description = "PEM file with the CA that signed the server certificate, when it is not in the JDK trust store.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Issues per listing request (ids and updated only), 1 to 5,000; "
            + "full issues are fetched by at most 100 per request.")
    int page_size() default PAGE_SIZE_DEFAULT;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default SourceDefaults.TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)",
            description = "Largest share of cached tickets one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

package com.enreach.tools.plugin.confluence;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one Confluence site ({@code etc/source.confluence-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Confluence",
        description = "Caches the pages of chosen Confluence spaces (Cloud REST v2 or Data Center/Server REST v1) as "
                + "knowledge-base articles; only pages whose version or place changed are fetched again.")
public @interface ConfluenceConfig {
    /** Default {@code page.size}: pages listed per request. */
    int PAGE_SIZE_DEFAULT = 50;
    /** Largest {@code page.size}: what Cloud's v2 list endpoints accept. */
    int PAGE_SIZE_MAX = 250;

    @AttributeDefinition(name = "URL", description = "Site address: https://example.atlassian.net for Cloud (a "
            + "trailing /wiki is accepted), https://confluence.example.com[/context] for Data Center.")
    String url();

    @AttributeDefinition(name = "Flavor", description = "cloud (REST v2, e-mail + API token) or datacenter "
            + "(Data Center/Server REST v1, personal access token).",
            options = {@Option(label = "Cloud", value = "cloud"), @Option(label = "Data Center / Server", value = "datacenter")})
    String flavor() default "cloud";

    @AttributeDefinition(name = "E-mail", required = false,
            description = "Cloud only: the Atlassian account's e-mail address the API token belongs to.")
    String email();

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD, required = false,
            description = "Cloud: the account's API token; Data Center: a personal access token (private .api.token "
                    + "key, never shown).")
    String _api_token();

    @AttributeDefinition(name = "API token variable", required = false,
            description = "Name of an environment variable holding the token, instead of .api.token.")
    String api_token_env();

    @AttributeDefinition(name = "Spaces", description = "Comma-separated keys of the spaces to cache, e.g. OPS,NET.")
    String spaces();

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false,
            description = "PEM file with the CA that signed the site's certificate, when it is not in the JDK trust store.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Pages listed per request, 1 to 250.")
    int page_size() default PAGE_SIZE_DEFAULT;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default SourceDefaults.TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)",
            description = "Largest share of active articles one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

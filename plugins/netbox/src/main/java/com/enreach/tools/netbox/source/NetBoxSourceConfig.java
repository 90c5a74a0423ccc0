package com.enreach.tools.netbox.source;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one NetBox read as a source ({@code etc/source.netbox-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: NetBox",
        description = "Reads a NetBox 4.x through its REST API (devices, virtual machines, clusters, interfaces, MAC "
                + "and IP addresses) so NetBox's current state shows in the unified inventory beside the real sources.")
public @interface NetBoxSourceConfig {
    /** Default and largest {@code page.size}: NetBox's own MAX_PAGE_SIZE default is 1000. */
    int PAGE_SIZE_DEFAULT = 250;
    int PAGE_SIZE_MAX = 1000;

    @AttributeDefinition(name = "URL", description = "NetBox address, e.g. https://netbox.example.com (a trailing /api is accepted).")
    String url();

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD, required = false,
            description = "A read-only NetBox API token (private .password key, never shown): a v1 key, or a v2 token nbt_<key>.<secret>.")
    String _password();

    @AttributeDefinition(name = "Token variable", required = false,
            description = "Name of an environment variable holding the token, instead of .password.")
    String token_env();

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false,
            description = "PEM file with the CA that signed NetBox's certificate, when it is not in the JDK trust store.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Objects per request (NetBox's limit), 1 to 1000.")
    int page_size() default PAGE_SIZE_DEFAULT;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default SourceDefaults.TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)",
            description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

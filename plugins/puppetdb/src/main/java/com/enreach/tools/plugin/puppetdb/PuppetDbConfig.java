package com.enreach.tools.plugin.puppetdb;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one PuppetDB instance ({@code etc/source.puppetdb-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: PuppetDB",
        description = "Reads the node inventory (structured facts) and last report status from PuppetDB's query API v4.")
public @interface PuppetDbConfig {
    /** Default {@code timeout.seconds}, declared once for the metatype and the reader. */
    int TIMEOUT_SECONDS_DEFAULT = 120;

    @AttributeDefinition(name = "URL", description = "PuppetDB root URL, e.g. http://127.0.0.1:8080 or https://puppetdb.example.com:8081 (no /pdb path).")
    String url();

    @AttributeDefinition(name = "UI URL", required = false,
            description = "Optional Puppetboard address, e.g. https://puppetboard.example.com: node links open its node page instead of PuppetDB's JSON.")
    String ui_url() default "";

    @AttributeDefinition(name = "Token", type = AttributeType.PASSWORD,
            description = "Optional RBAC token sent as X-Authentication (Puppet Enterprise). Or name an environment variable with token.env.")
    String _token() default "";

    @AttributeDefinition(name = "Token environment variable", description = "Name of an environment variable holding the token.")
    String token_env() default "";

    @AttributeDefinition(name = "Skip TLS verification", description = "Trust any server certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", description = "PEM file with the CA that signed PuppetDB's certificate (usually the Puppet CA).")
    String ca_file() default "";

    @AttributeDefinition(name = "Page size", description = "Nodes per inventory request (1 to 5000).")
    int page_size() default 500;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Report status", description = "Also read each node's last report time and status from /pdb/query/v4/nodes (one extra request per page).")
    boolean report_status() default true;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

package com.enreach.tools.plugin.foreman;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one Foreman instance ({@code etc/source.foreman-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Foreman",
        description = "Reads hosts, their interfaces and IP addresses from the Foreman API v2.")
public @interface ForemanConfig {
    /** Default {@code timeout.seconds}, declared once for the metatype and the reader. */
    int TIMEOUT_SECONDS_DEFAULT = SourceDefaults.TIMEOUT_SECONDS;

    @AttributeDefinition(name = "URL", description = "Base URL of Foreman, e.g. https://foreman.example.com (without /api).")
    String url();

    @AttributeDefinition(name = "User name", description = "Foreman user; needs the view_hosts permission.")
    String username();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password or personal access token. Alternatively name an environment variable with password.env.")
    String _password();

    @AttributeDefinition(name = "Password environment variable", required = false,
            description = "Name of an environment variable holding the password or token.")
    String password_env();

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any server certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file with the CA that signed the Foreman certificate.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Hosts per page of GET /api/hosts (1 to 1000).")
    int page_size() default 100;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

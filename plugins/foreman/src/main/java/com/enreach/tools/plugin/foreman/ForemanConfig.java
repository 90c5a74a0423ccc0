package com.enreach.tools.plugin.foreman;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of one Foreman instance ({@code etc/source.foreman-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Foreman",
        description = "Reads hosts, their interfaces and IP addresses from the Foreman API v2.")
public @interface ForemanConfig {

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
    boolean insecure() default false;

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file with the CA that signed the Foreman certificate.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Hosts per page of GET /api/hosts (1 to 1000).")
    int page_size() default 100;

    @AttributeDefinition(name = "Timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default 60;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default 0;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default 10;
}

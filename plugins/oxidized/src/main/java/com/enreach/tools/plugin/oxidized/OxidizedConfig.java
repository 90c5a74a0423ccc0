package com.enreach.tools.plugin.oxidized;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one oxidized-web instance ({@code etc/source.oxidized-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Oxidized",
        description = "Reads network devices and their latest backed-up configuration from oxidized-web.")
public @interface OxidizedConfig {
    /** Default {@code timeout.seconds}, declared once for the metatype and the reader. */
    int TIMEOUT_SECONDS_DEFAULT = SourceDefaults.TIMEOUT_SECONDS;

    @AttributeDefinition(name = "URL", description = "oxidized-web root including any url_prefix, e.g. http://127.0.0.1:8888 or https://proxy.example.com/oxidized.")
    String url();

    @AttributeDefinition(name = "User name", required = false, description = "Only when oxidized-web sits behind a proxy with basic authentication.")
    String username();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false, description = "Proxy password (with username).")
    String _password();

    @AttributeDefinition(name = "Password environment variable", required = false, description = "Name of an environment variable holding the proxy password.")
    String password_env();

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any server certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file with the CA that signed the proxy's certificate.")
    String ca_file();

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

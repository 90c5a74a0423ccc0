package com.enreach.tools.plugin.commvault;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one Commvault CommCell ({@code etc/source.commvault-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Commvault",
        description = "Reads the backup status of the clients (recent backup jobs) and virtual machines of one Commvault CommCell over its REST API.")
public @interface CommvaultConfig {
    /** Default {@code timeout.seconds}, declared once for the metatype and the reader. */
    int TIMEOUT_SECONDS_DEFAULT = SourceDefaults.TIMEOUT_SECONDS;
    /** Defaults and limits, declared once for the metatype and the reader. */
    int PAGE_SIZE_DEFAULT = 100;
    int PAGE_SIZE_MAX = 1000;
    int HISTORY_HOURS_DEFAULT = 168;
    int HISTORY_HOURS_MAX = 8760;
    boolean VMS_DEFAULT = true;


    @AttributeDefinition(name = "URL", description = "REST API root on the web server, e.g. https://commvault.example.com/webconsole/api (or .../commandcenter/api).")
    String url();

    @AttributeDefinition(name = "User name", required = false, description = "A Commvault user with view rights on the clients; not needed with an API token.")
    String username();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Kept private (.password); or name an environment variable with password.env. Sent base64-encoded as the Login API expects.")
    String _password();

    @AttributeDefinition(name = "Password variable", required = false, description = "Name of an environment variable holding the password.")
    String password_env();

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD, required = false,
            description = "Kept private (.api.token); when set, no login is made and the token is sent as Authorization: Bearer.")
    String _api_token();

    @AttributeDefinition(name = "API token variable", required = false, description = "Name of an environment variable holding the API token.")
    String api_token_env();

    @AttributeDefinition(name = "Skip TLS verification", description = "Test labs only: accept any certificate.")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file with the CA that signed the web server's certificate.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Jobs or VMs per request (1 to 1000).")
    int page_size() default PAGE_SIZE_DEFAULT;

    @AttributeDefinition(name = "History (hours)", description = "How far back backup jobs are read for each client (1 to 8760); the last success is only known within this window.")
    int history_hours() default HISTORY_HOURS_DEFAULT;

    @AttributeDefinition(name = "Virtual machines", description = "Also read the backup status of every virtual machine (GET /VM).")
    boolean vms() default VMS_DEFAULT;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

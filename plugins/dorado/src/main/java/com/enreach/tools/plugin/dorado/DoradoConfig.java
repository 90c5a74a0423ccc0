package com.enreach.tools.plugin.dorado;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one OceanStor Dorado array ({@code etc/source.dorado-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: Huawei OceanStor Dorado",
        description = "Reads the system, controllers, storage pools, LUNs and file systems of one OceanStor Dorado array over its REST API (DeviceManager, port 8088).")
public @interface DoradoConfig {
    /** Default {@code timeout.seconds}, declared once for the metatype and the reader. */
    int TIMEOUT_SECONDS_DEFAULT = SourceDefaults.TIMEOUT_SECONDS;
    /** Defaults and limits, declared once for the metatype and the reader; DeviceManager serves 100 objects a range. */
    int PAGE_SIZE_DEFAULT = 100;
    int PAGE_SIZE_MAX = 100;
    String SCOPE_DEFAULT = "0";


    @AttributeDefinition(name = "URL", description = "Management URL of the array, e.g. https://dorado01.example.com:8088 (the /deviceManager/rest suffix is optional).")
    String url();

    @AttributeDefinition(name = "User name", description = "A read-only (monitor) DeviceManager user.")
    String username();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Kept private (.password); or name an environment variable with password.env.")
    String _password();

    @AttributeDefinition(name = "Password variable", required = false,
            description = "Name of an environment variable holding the password, instead of .password.")
    String password_env();

    @AttributeDefinition(name = "User scope", description = "0 = local user, 1 = LDAP user.")
    String scope() default SCOPE_DEFAULT;

    @AttributeDefinition(name = "Skip TLS verification", description = "Test labs only: accept any certificate.")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", description = "PEM file with the CA that signed the array's certificate (the factory certificate is self-signed).", required = false)
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Objects per range request for LUNs and file systems (1 to 100; the array refuses larger ranges).")
    int page_size() default PAGE_SIZE_DEFAULT;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

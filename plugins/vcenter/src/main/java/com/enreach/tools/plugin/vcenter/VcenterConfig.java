package com.enreach.tools.plugin.vcenter;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one vCenter ({@code etc/source.vcenter-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: VMware vCenter",
        description = "Reads VMs, ESXi hosts, clusters and networks from a vCenter (or a standalone ESXi) over the vim25 SOAP API.")
public @interface VcenterConfig {
    /** Default {@code timeout.seconds}, declared once for the metatype and the reader. */
    int TIMEOUT_SECONDS_DEFAULT = 120;

    @AttributeDefinition(name = "URL", description = "Address of the vCenter, e.g. https://vc.example.com (the SOAP endpoint /sdk is added).")
    String url();

    @AttributeDefinition(name = "User name", description = "A read-only vCenter user, e.g. svc-inventory@vsphere.local.")
    String username();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "Written as .password=... (private) or given by the environment variable named in password.env.")
    String _password() default "";

    @AttributeDefinition(name = "Password environment variable", required = false,
            description = "Name of an environment variable holding the password, instead of .password.")
    String password_env() default "";

    @AttributeDefinition(name = "Skip TLS verification", description = "Trust any certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file with the CA (or self-signed certificate) to trust instead of the JDK's.")
    String ca_file() default "";

    @AttributeDefinition(name = "Page size", description = "Objects per RetrievePropertiesEx answer (1 to 10,000).")
    int page_size() default 500;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600.")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

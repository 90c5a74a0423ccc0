package com.enreach.tools.plugin.ontap;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one ONTAP cluster ({@code etc/source.ontap-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: NetApp ONTAP",
        description = "Reads a NetApp ONTAP cluster (9.6 or later) through its REST API: nodes, aggregates, SVMs, "
                + "volumes, qtrees with quotas and NFS export rules.")
public @interface OntapConfig {
    /**
     * Default {@code timeout.seconds}: longer than the return_timeout ONTAP is given per page, so a slow page is
     * not cut by us first.
     */
    int TIMEOUT_SECONDS_DEFAULT = OntapClient.RETURN_TIMEOUT_SECONDS + 30;

    /** Default and largest {@code page.size}, declared once for the metatype and the reader. */
    int PAGE_SIZE_DEFAULT = 500;
    int PAGE_SIZE_MAX = 10_000;


    @AttributeDefinition(name = "URL", description = "Cluster management address, e.g. https://cluster1.example.com "
            + "(a trailing /api is accepted).")
    String url();

    @AttributeDefinition(name = "User name", description = "ONTAP account; the built-in readonly role is enough.")
    String username();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the account (private .password key, never shown).")
    String _password();

    @AttributeDefinition(name = "Password variable", required = false,
            description = "Name of an environment variable holding the password, instead of .password.")
    String password_env();

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any certificate (test labs only).")
    boolean insecure() default SourceDefaults.INSECURE;

    @AttributeDefinition(name = "CA file", required = false,
            description = "PEM file with the CA that signed the cluster certificate, when it is not in the JDK trust store.")
    String ca_file();

    @AttributeDefinition(name = "Page size", description = "Records per request (max_records), 1 to 10,000.")
    int page_size() default PAGE_SIZE_DEFAULT;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer, 5 to 3600 (default: return_timeout + 30 s).")
    int timeout_seconds() default TIMEOUT_SECONDS_DEFAULT;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)",
            description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;
}

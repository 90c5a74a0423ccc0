package com.enreach.tools.netbox.writer.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One NetBox the pipeline writes to ({@code etc/enreach.netbox.target-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach NetBox target",
        description = "A NetBox the pipeline previews change sets for and, when write-enabled, applies approved ones to.")
public @interface TargetConfig {
    @AttributeDefinition(name = "URL", description = "NetBox base URL, e.g. https://netbox.example.com (the API is below /api/).")
    String url();

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD, required = false,
            description = "v1 key or v2 nbt_<key>.<secret> token (private .password key, never shown).")
    String _password();

    @AttributeDefinition(name = "API token variable", required = false,
            description = "Name of an environment variable holding the token, instead of .password.")
    String token_env();

    @AttributeDefinition(name = "Write enabled", description = "false (the default): dry run, apply reports what it "
            + "would send and sends nothing.")
    boolean write_enabled() default false;

    @AttributeDefinition(name = "Self-approval", description = "Whoever built a change set may also approve it.")
    boolean self_approval() default false;

    @AttributeDefinition(name = "NetBox source", required = false,
            description = "The NetBox source instance (source.netbox-<name>) reading the same NetBox.")
    String source();

    @AttributeDefinition(name = "NetBox user", required = false, description = "The NetBox user the token belongs to: its "
            + "changelog entries are the platform's own writes, anyone else's edit of an owned field is a conflict. "
            + "Empty: the user who created the 'enreach' tag.")
    String netbox_user();

    @AttributeDefinition(name = "Batch size", description = "Objects per bulk write, 1 to 1000.")
    int batch_size() default 100;

    @AttributeDefinition(name = "Page size", description = "Objects per page for reads, 1 to 1000.")
    int page_size() default 500;

    @AttributeDefinition(name = "Request timeout (seconds)", description = "Longest wait for one answer.")
    int timeout() default 60;

    @AttributeDefinition(name = "Skip TLS verification", description = "Accept any certificate (test labs only).")
    boolean insecure() default false;

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file with the CA of NetBox's certificate.")
    String ca_file();
}

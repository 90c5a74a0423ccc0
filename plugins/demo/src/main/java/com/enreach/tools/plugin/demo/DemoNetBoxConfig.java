package com.enreach.tools.plugin.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the demo NetBox sandbox ({@code etc/enreach.demo.netbox.cfg}, copied by {@code enreach demo}). */
@ObjectClassDefinition(name = "Enreach demo: NetBox sandbox (not a real NetBox)",
        description = "A NetBox-API-compatible DEMO SANDBOX served by the platform at /demo-netbox/ (API /demo-netbox/api/),"
                + " seeded as a hand-filled, partly drifted NetBox of the demo estate, so the NetBox pipeline can be tried"
                + " without a NetBox. Never point production tooling at it.")
public @interface DemoNetBoxConfig {

    @AttributeDefinition(name = "Enabled", description = "Serve the sandbox at /demo-netbox/.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Token", type = AttributeType.PASSWORD,
            description = "The only API token the sandbox accepts (private .password key, never shown): a v1 key sent as 'Token <key>'.")
    String _password();

    @AttributeDefinition(name = "Seed", description = "Seed of the demo estate the sandbox's first state is generated from.")
    long seed() default 42;

    @AttributeDefinition(name = "Size", description = "Size of that demo estate (1 to 100,000 devices).")
    int size() default 3000;

    @AttributeDefinition(name = "Snapshot", description = "File keeping the sandbox's state between runs, relative to the platform home;"
            + " delete it to start again from the seed.")
    String snapshot() default "data/demo-netbox/netbox.json";
}

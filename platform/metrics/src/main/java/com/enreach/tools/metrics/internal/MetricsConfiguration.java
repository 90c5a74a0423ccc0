package com.enreach.tools.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** {@code etc/enreach.metrics.cfg}: who may scrape {@code /metrics}, and where it is served. */
@ObjectClassDefinition(name = "Enreach metrics endpoint", description = "GET /metrics in the Prometheus text format (docs/metrics.md)")
public @interface MetricsConfiguration {
    String PID = "enreach.metrics";

    @AttributeDefinition(name = "Authentication", description = "token: a valid API token of any role as 'Authorization: Bearer <token>' "
            + "(401 without); none: anyone who reaches the port may scrape (with a separate port bound to a private address)",
            options = {@Option(label = "API token", value = "token"), @Option(label = "None", value = "none")})
    String auth() default "token";

    @AttributeDefinition(name = "Separate port", description = "0: /metrics on the platform's HTTP port; a port number: /metrics only on "
            + "its own listener at host:port (the main port then answers 404 for it)")
    int port() default 0;

    @AttributeDefinition(name = "Separate listener's address", description = "The address the separate listener binds to (with port > 0)")
    String host() default "127.0.0.1";
}

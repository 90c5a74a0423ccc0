package com.enreach.tools.plugin.netbox.api.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Optional configuration ({@code etc/enreach.netbox.api.cfg}). */
@ObjectClassDefinition(name = "Enreach NetBox-compatible read API",
        description = "Serves the golden records in NetBox's REST read shape at /netbox/api/.")
public @interface ReadApiConfig {

    @AttributeDefinition(name = "Cache (seconds)", description = "How long the entity list and each entity's details are reused"
            + " before they are read again (1 to 3600); changes to the golden records show after at most this long.")
    int cache_seconds() default 15;
}

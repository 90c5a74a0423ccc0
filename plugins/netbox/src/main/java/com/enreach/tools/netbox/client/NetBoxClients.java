package com.enreach.tools.netbox.client;

import org.osgi.annotation.versioning.ProviderType;

/** Makes clients; a DS service of the NetBox plugin bundle. */
@ProviderType
public interface NetBoxClients {

    /**
     * A client for the connection.
     *
     * @throws IllegalArgumentException naming the field for a bad URL, token, page or batch size
     */
    NetBoxClient connect(NetBoxConnection connection);
}

package com.enreach.tools.netbox.internal;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxClients;
import com.enreach.tools.netbox.client.NetBoxConnection;

/** The {@link NetBoxClients} service: one {@link HttpNetBoxClient} per connection asked for. */
@Component(service = NetBoxClients.class)
public class NetBoxClientsComponent implements NetBoxClients {
    @Override
    public NetBoxClient connect(NetBoxConnection connection) {
        return new HttpNetBoxClient(connection);
    }
}

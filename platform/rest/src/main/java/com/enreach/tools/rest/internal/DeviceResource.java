package com.enreach.tools.rest.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ConfigService;
import com.enreach.tools.api.ConfigVersion;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.api.DeviceService;
import com.enreach.tools.api.DeviceStatus;
import com.enreach.tools.api.Role;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Devices, with what every source contributed, and their configuration versions. Filtered lists and searches go through the {@link QueryGate}. */
@Component(service = DeviceResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {
    @Reference
    DeviceService devices;

    @Reference
    ConfigService configs;

    @Reference
    QueryGate gate;

    @GET
    public Envelope<Device> list(@QueryParam("source_system") String sourceSystem, @QueryParam("source_instance") String sourceInstance,
                                    @QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("q") String q,
                                    @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        String st = Params.oneOf("status", status, DeviceStatus.ACTIVE, DeviceStatus.STALE, DeviceStatus.QUARANTINED);
        DeviceQuery query = new DeviceQuery(Params.text(sourceSystem), Params.text(sourceInstance), Params.text(type), st, Params.text(q),
                Params.limit(limit), Params.offset(offset));
        boolean expensive = query.q() != null || query.sourceSystem() != null || query.sourceInstance() != null || query.type() != null
                || query.status() != null;
        return Params.envelope(expensive ? gate.run(() -> devices.find(query)) : devices.find(query), uri);
    }

    /** By numeric id, or by exact name. */
    @GET
    @Path("{id}")
    public DeviceDetail get(@PathParam("id") String id) {
        return devices.resolve(id).orElseThrow(() -> ApiException.notFound("Device", id));
    }

    /** Holds a device: the sync engine no longer changes its status. */
    @POST
    @Path("{id}/quarantine")
    @RequiresRole(Role.OPERATOR)
    public Device quarantine(@PathParam("id") String id) {
        return devices.quarantine(get(id).device().id(), true);
    }

    /** Releases a quarantined device back to active. */
    @POST
    @Path("{id}/release")
    @RequiresRole(Role.OPERATOR)
    public Device release(@PathParam("id") String id) {
        return devices.quarantine(get(id).device().id(), false);
    }

    @GET
    @Path("{id}/configs")
    public List<ConfigVersion> configVersions(@PathParam("id") String id) {
        return configs.versions(get(id).device().id());
    }

    @GET
    @Path("{id}/configs/{version}")
    public ConfigVersion configVersion(@PathParam("id") String id, @PathParam("version") String version) {
        long deviceId = get(id).device().id();
        int v = Params.integer("version", version, 0, 1, Integer.MAX_VALUE);
        return configs.version(deviceId, v).orElseThrow(() -> ApiException.notFound("Configuration version", id + "/" + version));
    }

    /** Unified diff between two versions; {@code to} defaults to the newest, {@code from} to the one before it. */
    @GET
    @Path("{id}/configs/diff")
    public Map<String, Object> diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        // Bad numbers are reported before anything is looked up.
        Params.integer("from", from, 1, 1, Integer.MAX_VALUE);
        Params.integer("to", to, 1, 1, Integer.MAX_VALUE);
        long deviceId = get(id).device().id();
        List<ConfigVersion> versions = configs.versions(deviceId);
        if (versions.isEmpty()) {
            throw ApiException.notFound("Configuration of device", id);
        }
        int newest = versions.get(0).version();
        int t = Params.integer("to", to, newest, 1, Integer.MAX_VALUE);
        int f = Params.integer("from", from, Math.max(1, t - 1), 1, Integer.MAX_VALUE);
        return Map.of("device_id", deviceId, "from", f, "to", t, "diff", configs.diff(deviceId, f, t));
    }
}

package com.enreach.tools.rest.internal;


import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.Backup;
import com.enreach.tools.api.BackupQuery;
import com.enreach.tools.api.DeviceStatus;
import com.enreach.tools.api.StorageService;
import com.enreach.tools.api.StorageVolume;
import com.enreach.tools.api.VolumeQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Storage volumes and backups, listable and filterable like devices. */
@Component(service = StorageResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {
    @Reference
    StorageService storage;

    @Reference
    QueryGate gate;

    @GET
    @Path("storage/volumes")
    public Envelope<StorageVolume> volumes(@QueryParam("source_system") String sourceSystem, @QueryParam("source_instance") String sourceInstance,
                                       @QueryParam("kind") String kind, @QueryParam("status") String status,
                                       @QueryParam("device_id") String deviceId, @QueryParam("q") String q,
                                       @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        VolumeQuery query = new VolumeQuery(Params.text(sourceSystem), Params.text(sourceInstance),
                Params.oneOf("kind", kind, "lun", "filesystem", "volume", "qtree"),
                Params.oneOf("status", status, DeviceStatus.ACTIVE, DeviceStatus.STALE, DeviceStatus.QUARANTINED),
                Params.optionalId("device_id", deviceId), Params.text(q), Params.limit(limit), Params.offset(offset));
        return Params.envelope(query.q() == null ? storage.volumes(query) : gate.run(() -> storage.volumes(query)), uri);
    }

    @GET
    @Path("backups")
    public Envelope<Backup> backups(@QueryParam("source_system") String sourceSystem, @QueryParam("source_instance") String sourceInstance,
                                       @QueryParam("last_status") String lastStatus, @QueryParam("device_id") String deviceId,
                                       @QueryParam("q") String q, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                       @Context UriInfo uri) {
        BackupQuery query = new BackupQuery(Params.text(sourceSystem), Params.text(sourceInstance), Params.text(lastStatus),
                Params.optionalId("device_id", deviceId), Params.text(q), Params.limit(limit), Params.offset(offset));
        return Params.envelope(query.q() == null ? storage.backups(query) : gate.run(() -> storage.backups(query)), uri);
    }
}

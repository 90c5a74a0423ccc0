package com.enreach.tools.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Reads devices from the master database. */
@ProviderType
public interface DeviceService {

    /** Devices matching the query, ordered by name then id. */
    Page<Device> find(DeviceQuery query);

    /** One device with its relationships and everything sources contributed, or empty. */
    Optional<DeviceDetail> get(long id);

    /** Looks a device up by id, or by exact name when {@code idOrName} is not a number (first match by id). */
    Optional<DeviceDetail> resolve(String idOrName);

    /**
     * Quarantines a device (the sync engine then never changes its status) or releases it back to {@code active}
     * (a later complete run marks it stale again if its source no longer reports it).
     *
     * @param quarantined true to quarantine, false to release
     * @return the device after the change
     * @throws ApiException NOT_FOUND when there is no such device, CONFLICT when releasing a device that is not quarantined
     */
    Device quarantine(long id, boolean quarantined);
}

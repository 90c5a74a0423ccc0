package com.enreach.tools.api;

import org.osgi.annotation.versioning.ProviderType;

/** Storage volumes and backups in the master database. */
@ProviderType
public interface StorageService {

    Page<StorageVolume> volumes(VolumeQuery query);

    Page<Backup> backups(BackupQuery query);
}

package com.enreach.tools.api.inventory;

import com.enreach.tools.api.Backup;
import com.enreach.tools.api.ConfigVersion;
import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.ServerFactsView;
import com.enreach.tools.api.StorageVolume;
import java.util.List;

/**
 * An entity with its golden attributes (each with provenance), its observations and everything attached to them.
 * Interfaces, IPs, facts, configs, volumes and backups are those of its observations only (never matched by name).
 *
 * @param attributes        golden values in {@link Attributes#ALL} order (attributes no source knows are left out)
 * @param decisions         the manual decisions that shaped it (merges, splits, overrides), newest first
 * @param identityConflicts open identity conflicts that involve it
 */
public record EntityDetail(Entity entity, List<GoldenValue> attributes, List<Observation> observations,
                           List<EntityRelation> relationships, List<NetworkInterface> interfaces,
                           List<IpAddress> ipAddresses, List<ServerFactsView> facts, List<ConfigVersion> configs,
                           List<StorageVolume> volumes, List<Backup> backups, List<ManualDecision> decisions,
                           List<IdentityConflict> identityConflicts) {
}

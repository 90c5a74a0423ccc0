package com.enreach.tools.netbox.writer.mapping;

import java.util.List;
import java.util.Map;

/**
 * The mapping rules in force ({@code etc/netbox-mapping.json}, see docs/netbox_mapping.md).
 *
 * @param objectTypes   golden entity type → {@code device}, {@code virtual_machine} or {@code cluster}; other types
 *                      are not sent
 * @param includeStale  send stale entities too (default false: their managed objects are proposed for deletion)
 * @param derive        derived value name ({@link #DERIVED}) → its derivation
 * @param createMissing supporting kind ({@code dcim.site}, ...) → whether the platform may create it when NetBox
 *                      lacks it
 * @param roleColor     colour of device roles the platform creates (6 hex digits)
 * @param vmDiskUnit    {@code auto} (MB on NetBox 4.0 and later, GB before), {@code MB} or {@code GB}
 * @param macAddresses  {@code auto} (dcim.macaddress objects on NetBox 4.2 and later, else the interface's
 *                      mac_address field), {@code object} or {@code field}
 * @param descriptions  kind → description template; a kind listed here has its description owned (compared and
 *                      written), otherwise descriptions are never touched
 * @param interfaceNames how interface names are standardised
 */
public record MappingRules(Map<String, String> objectTypes, boolean includeStale, Map<String, Derivation> derive,
                           Map<String, Boolean> createMissing, String roleColor, String vmDiskUnit,
                           String macAddresses, Map<String, String> descriptions, InterfaceNames interfaceNames) {
    public static final String DEVICE = "device";
    public static final String VIRTUAL_MACHINE = "virtual_machine";
    public static final String CLUSTER = "cluster";

    /** The derived values the file may configure. */
    public static final List<String> DERIVED = List.of("site", "device_role", "platform", "manufacturer",
            "device_type", "cluster_type", "cluster_group", "device_status", "vm_status", "cluster_status",
            "interface_type");

    public MappingRules {
        objectTypes = Map.copyOf(objectTypes);
        derive = Map.copyOf(derive);
        createMissing = Map.copyOf(createMissing);
        descriptions = Map.copyOf(descriptions);
    }

    /** The derivation of a value, or one that always answers null. */
    public Derivation derivation(String name) {
        return derive.getOrDefault(name, Derivation.constant(null));
    }

    public boolean mayCreate(String kind) {
        return createMissing.getOrDefault(kind, Boolean.TRUE);
    }

    /**
     * Interface name standardisation: a name made of a letter prefix and the rest ({@code Gi1/0/1}) has its prefix
     * replaced by the full name the abbreviation stands for ({@code GigabitEthernet1/0/1}); vendor tables (matched
     * as a case-insensitive substring of the golden vendor) come before the common one.
     *
     * @param enabled     false: names are sent as the sources give them
     * @param entityTypes golden types whose interfaces are standardised (network devices by default)
     */
    public record InterfaceNames(boolean enabled, List<String> entityTypes, Map<String, String> abbreviations,
                                 Map<String, Map<String, String>> vendors) {
        public InterfaceNames {
            entityTypes = List.copyOf(entityTypes);
            abbreviations = Map.copyOf(abbreviations);
            vendors = Map.copyOf(vendors);
        }
    }
}

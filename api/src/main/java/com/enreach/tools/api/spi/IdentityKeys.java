package com.enreach.tools.api.spi;

import java.util.List;

/**
 * Device metadata keys that identify the real thing behind an observation. The core's identity resolution reads
 * them (normalised: case, UUID byte order, MAC format, trailing dots) to link observations of different sources to
 * one entity: identifiers first ({@link #SYSTEM_UUID}, {@link #SERIAL}, {@link #PRIMARY_MAC}, {@link #FQDN}), the
 * short host name ({@link DeviceRecord#hostname(String)} or the name) and IP addresses only as weak evidence.
 * A plugin puts whichever of them its source knows, with {@link DeviceRecord#put(String, Object)}.
 *
 * @since 2.1
 */
public final class IdentityKeys {
    /** SMBIOS system UUID: vCenter {@code config.uuid} (BIOS UUID), PuppetDB/Facter {@code dmi.product.uuid}, Foreman's {@code uuid} fact. Either byte order. */
    public static final String SYSTEM_UUID = "system_uuid";
    /** Hardware serial number (chassis or system), as the vendor prints it. */
    public static final String SERIAL = "serial";
    /** Fully qualified DNS name. */
    public static final String FQDN = "fqdn";
    /** MAC address of the primary interface, any common format. */
    public static final String PRIMARY_MAC = "primary_mac";
    /** A hypervisor's own id of a VM (vCenter {@code config.instanceUuid}); backup products reference it. */
    public static final String INSTANCE_UUID = "instance_uuid";
    /** Older key some plugins wrote for {@link #SYSTEM_UUID}; read as an alias. */
    public static final String BIOS_UUID_ALIAS = "bios_uuid";

    /** Every key, strongest first. */
    public static final List<String> ALL = List.of(SYSTEM_UUID, SERIAL, PRIMARY_MAC, FQDN, INSTANCE_UUID);

    private IdentityKeys() {
    }
}

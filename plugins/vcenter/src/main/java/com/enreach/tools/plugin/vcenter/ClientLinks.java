package com.enreach.tools.plugin.vcenter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.source.support.WebLinks;

/**
 * Links to objects in the vSphere Client (the HTML5 UI at {@code /ui} of vCenter 6.7 and later), built from the
 * {@code vcenter_urn} each device keeps ({@code urn:vmomi:<type>:<moref>:<vCenter instance UUID>}, see
 * {@link InventoryMapper#link}).
 *
 * <p>Formats: VMware publishes no reference for vSphere Client URLs; these are the ones the client itself puts in
 * the address bar when an object is opened, and that tools link to:
 * {@code /ui/app/vm;nav=v/<urn>/summary} (VMs), {@code /ui/app/host;nav=h/<urn>/summary} (hosts),
 * {@code /ui/app/cluster;nav=h/<urn>/summary} (clusters). Any other object (networks, port groups) opens through
 * the client's generic navigation request
 * {@code /ui/#?extensionId=vsphere.core.inventory.serverObjectViewsExtension&objectId=<urn>}, the form VMware's
 * vSphere Client SDK samples use. Without a vCenter instance UUID (a standalone ESXi host) there is no link.
 */
final class ClientLinks {
    private static final Pattern URN = Pattern.compile("urn:vmomi:([A-Za-z]+):([^:]+):([^:]+)");
    private static final Map<String, String> APPS = Map.of(
            "VirtualMachine", "vm;nav=v",
            "HostSystem", "host;nav=h",
            "ClusterComputeResource", "cluster;nav=h");

    private ClientLinks() {
    }

    /** The vSphere Client link of the object the metadata describes, or null. */
    static String of(String base, Map<String, Object> metadata) {
        String urn = WebLinks.text(metadata, "vcenter_urn");
        if (base == null || urn == null) {
            return null;
        }
        Matcher m = URN.matcher(urn);
        if (!m.matches()) {
            return null;
        }
        // each part encoded on its own: the colons of the urn stay as the client writes them
        String id = "urn:vmomi:" + m.group(1) + ":" + WebLinks.segment(m.group(2)) + ":" + WebLinks.segment(m.group(3));
        String app = APPS.get(m.group(1));
        if (app != null) {
            return base + "/ui/app/" + app + "/" + id + "/summary";
        }
        return base + "/ui/#?extensionId=vsphere.core.inventory.serverObjectViewsExtension&objectId=" + id;
    }
}

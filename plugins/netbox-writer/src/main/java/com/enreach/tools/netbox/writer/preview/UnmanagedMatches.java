package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.netbox.writer.mapping.Addresses;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;
import com.enreach.tools.netbox.writer.mapping.DesiredState;
import com.enreach.tools.netbox.writer.mapping.Marker;
import com.enreach.tools.netbox.writer.mapping.Ref;
import com.enreach.tools.netbox.writer.validation.Finding;
import com.enreach.tools.netbox.writer.validation.ValidationRegistry;
import com.enreach.tools.netbox.writer.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-made NetBox objects that match an entity the platform would create: a device with the same name in the same
 * site or the same serial, a VM or cluster with the same name, an IP with the same address. They are never updated
 * or duplicated: the entity's object is held with a warning that suggests adopting the NetBox object.
 */
final class UnmanagedMatches {
    private UnmanagedMatches() {
    }

    static List<Finding> find(DesiredState state, NetBoxSnapshot nb) {
        List<Finding> out = new ArrayList<>();
        for (DesiredObject o : state.objects()) {
            if (!o.managed() || o.primaryIps() || nb.find(o.ref()) != null) {
                continue;
            }
            Map<String, Object> match = match(o, nb);
            if (match != null) {
                String how = NetBoxKinds.IP_ADDRESS.equals(o.kind()) ? "the same address"
                        : o.parentRef() != null ? "the same name on the same device" : "the same name or serial";
                out.add(new Finding(o.ref(), Validator.finding(ValidationRegistry.UNMANAGED_MATCH, ValidationFinding.WARNING, o, null,
                        "NetBox already has " + o.kind() + " " + match.get("id") + " ('" + NetBoxValues.display(display(match))
                                + "') with " + how + ", not managed by the platform; it is left alone and this object is "
                                + "held: adopt it (enreach netbox adopt --object-type " + o.kind() + " --netbox-id "
                                + match.get("id") + " --entity " + o.entityId() + ") or change it in NetBox")));
            }
        }
        return out;
    }

    private static Object display(Map<String, Object> o) {
        return o.get("name") != null ? o.get("name") : o.get("address");
    }

    static Map<String, Object> match(DesiredObject o, NetBoxSnapshot nb) {
        switch (o.kind()) {
            case NetBoxKinds.DEVICE -> {
                Ref site = o.fields().get("site") instanceof Ref r ? r : null;
                // the site as NetBox holds it: the ref matches its slug or its slugified name ("Amsterdam" is slug ams)
                Map<String, Object> netboxSite = site == null ? null : nb.find(site.ref());
                String siteSlug = site == null ? null : site.ref().substring(site.ref().lastIndexOf(':') + 1);
                for (Map<String, Object> d : nb.unmanagedByName(o.kind(), o.name())) {
                    if (site == null || (d.get("site") instanceof Map<?, ?> s && (siteSlug.equals(s.get("slug"))
                            || netboxSite != null && String.valueOf(netboxSite.get("id")).equals(String.valueOf(s.get("id")))))) {
                        return d;
                    }
                }
                List<Map<String, Object>> bySerial = nb.unmanagedBySerial(o.kind(), (String) o.fields().get("serial"));
                return bySerial.isEmpty() ? null : bySerial.get(0);
            }
            case NetBoxKinds.VIRTUAL_MACHINE, NetBoxKinds.CLUSTER -> {
                List<Map<String, Object>> byName = nb.unmanagedByName(o.kind(), o.name());
                return byName.isEmpty() ? null : byName.get(0);
            }
            case NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE -> {
                Map<String, Object> parent = nb.find(o.parentRef());
                List<Map<String, Object>> same = parent == null ? List.of()
                        : nb.unmanagedInterfaces(o.kind(), parent.get("id"), String.valueOf(o.fields().get("name")));
                return same.isEmpty() ? null : same.get(0);
            }
            case NetBoxKinds.IP_ADDRESS -> {
                String host = Addresses.host(String.valueOf(o.fields().get("address")));
                for (Map<String, Object> ip : host == null ? List.<Map<String, Object>>of() : nb.ipAddresses(host)) {
                    if (!Marker.managed(ip)) {
                        return ip;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}

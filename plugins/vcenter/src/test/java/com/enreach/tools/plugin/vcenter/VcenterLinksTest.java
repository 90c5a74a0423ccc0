package com.enreach.tools.plugin.vcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** Links to vSphere Client pages, from what a fetch stored and from hand-made metadata. */
class VcenterLinksTest {
    private static final String UUID = "0f6a4a2c-7d0b-4c39-9e43-2a1e3e0a9b10";

    private static VcenterConnector connector(String url) {
        return new VcenterConnector(Map.of("url", url, "username", "svc", ".password", "Hunter2!"), name -> null);
    }

    @Test
    void fetchedObjectsLinkToTheirClientPages() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (SoapDouble vc = new SoapDouble()) {
            VcenterConnector c = new VcenterConnector(vc.config());
            c.fetch(new TestContext("vcenter-test"), sink);
            String base = vc.server.uri().toString().replaceAll("/sdk$|/$", "");
            DeviceRecord vm = sink.devices.values().stream().filter(d -> "vm-101".equals(d.metadata().get("moref"))).findFirst().orElseThrow();
            assertEquals(base + "/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:vm-101:" + UUID + "/summary",
                    c.objectUrl(DeviceTypes.VM, vm.sourceId(), vm.metadata()));
            DeviceRecord host = sink.devices.get("host-14");
            assertEquals(base + "/ui/app/host;nav=h/urn:vmomi:HostSystem:host-14:" + UUID + "/summary",
                    c.objectUrl(DeviceTypes.HYPERVISOR, "host-14", host.metadata()));
            assertEquals(base + "/ui/app/cluster;nav=h/urn:vmomi:ClusterComputeResource:domain-c7:" + UUID + "/summary",
                    c.objectUrl(DeviceTypes.CLUSTER, "domain-c7", sink.devices.get("domain-c7").metadata()));
            assertEquals(base + "/ui/#?extensionId=vsphere.core.inventory.serverObjectViewsExtension&objectId=urn:vmomi:DistributedVirtualPortgroup:dvportgroup-21:" + UUID,
                    c.objectUrl(DeviceTypes.NETWORK, "dvportgroup-21", sink.devices.get("dvportgroup-21").metadata()));
        }
    }

    @Test
    void theLinkHasNoCredentialsAndEncodesOddIds() {
        String url = connector("https://svc:Hunter2!@vc.example.com/sdk").objectUrl(DeviceTypes.VM, "x",
                Map.of("vcenter_urn", "urn:vmomi:VirtualMachine:vm 1#ü:" + UUID));
        assertEquals("https://vc.example.com/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:vm%201%23%C3%BC:" + UUID + "/summary", url);
        assertFalse(url.contains("Hunter2") || url.contains("svc"), url);
    }

    @Test
    void noLinkWithoutABaseUrlOrAVcenterUuid() {
        Map<String, Object> vm = Map.of("vcenter_urn", "urn:vmomi:VirtualMachine:vm-1:" + UUID);
        assertNull(new VcenterConnector(Map.of("username", "svc", ".password", "x"), n -> null).objectUrl(DeviceTypes.VM, "x", vm));
        assertNull(connector("not a url").objectUrl(DeviceTypes.VM, "x", vm));
        // a standalone ESXi has no instance UUID, so the mapper stores only the moref
        assertNull(connector("https://esx.example.com").objectUrl(DeviceTypes.VM, "x", Map.of("moref", "1")));
        assertNull(connector("https://vc.example.com").objectUrl(DeviceTypes.VM, "x", Map.of("vcenter_urn", "garbage")));
    }
}

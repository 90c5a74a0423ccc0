package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.enreach.tools.netbox.writer.mapping.DesiredState;
import com.enreach.tools.netbox.writer.mapping.Mapper;
import com.enreach.tools.netbox.writer.mapping.MappingFile;
import com.enreach.tools.netbox.writer.mapping.MappingRules;
import com.enreach.tools.netbox.writer.testing.Golden;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {
    private static final MappingRules RULES = MappingFile.defaults();

    private static List<Finding> validate(MappingRules rules, NetBoxFacts nb, EntityDetail... entities) {
        DesiredState s = Mapper.map(List.of(entities), rules, "4.2.2");
        return new Validator(ValidationRegistry.defaults()).validate(s, rules, nb);
    }

    private static Set<String> rulesOf(List<Finding> f, String ref) {
        return f.stream().filter(x -> ref.equals(x.ref())).map(x -> x.finding().rule()).collect(Collectors.toSet());
    }

    private static Golden ok(long id, String name) {
        return Golden.entity(id, "server", name).attr("site", "AMS1");
    }

    @Test
    void aCleanDeviceHasNoFindings() {
        assertEquals(List.of(), validate(RULES, NetBoxFacts.NONE, ok(1, "web01").iface("eth0", "aa:bb:cc:dd:ee:ff").ip("10.0.0.1", 24, "eth0").build()));
    }

    @Test
    void requiredFieldsWithoutASite() {
        List<Finding> f = validate(RULES, NetBoxFacts.NONE, Golden.entity(1, "server", "web01").build());
        ValidationFinding site = f.stream().filter(x -> "site".equals(x.finding().field())).findFirst().orElseThrow().finding();
        assertEquals("required-fields", site.rule());
        assertEquals("error", site.severity());
        assertEquals("web01", site.object());
        assertEquals(1L, site.entityId());
    }

    @Test
    void namesTooLongAndNotUniquePerSite() {
        List<Finding> f = validate(RULES, NetBoxFacts.NONE, ok(1, "x".repeat(65)).build(), ok(2, "web01").build(),
                ok(3, "WEB01").build(), Golden.entity(4, "server", "web01").attr("site", "FRA1").build());
        assertEquals(Set.of("name-valid"), rulesOf(f, "dcim.device:entity:1"));
        assertEquals(Set.of("name-unique"), rulesOf(f, "dcim.device:entity:2"));
        assertEquals(Set.of("name-unique"), rulesOf(f, "dcim.device:entity:3"));
        assertEquals(Set.of(), rulesOf(f, "dcim.device:entity:4"), "another site may have the same name");
    }

    @Test
    void ipsWithoutPrefixInvalidOrTwice() {
        List<Finding> f = validate(RULES, NetBoxFacts.NONE,
                ok(1, "a").iface("eth0", null).ip("10.0.0.1", null, "eth0").ip("10.0.0.300", 24, "eth0").build(),
                ok(2, "b").iface("eth0", null).ip("10.0.0.9", 24, "eth0").build(),
                ok(3, "c").iface("eth0", null).ip("10.0.0.9", 25, "eth0").build());
        assertEquals(Set.of("ip-valid"), rulesOf(f, "ipam.ipaddress:entity:1:10.0.0.1"));
        assertEquals(Set.of("ip-valid"), rulesOf(f, "ipam.ipaddress:entity:1:10.0.0.300/24"));
        assertEquals(Set.of("ip-unique"), rulesOf(f, "ipam.ipaddress:entity:2:10.0.0.9"));
        assertEquals(Set.of("ip-unique"), rulesOf(f, "ipam.ipaddress:entity:3:10.0.0.9"));
    }

    @Test
    void ipHeldInNetBoxByAnotherEntity() {
        NetBoxFacts nb = new NetBoxFacts() {
            @Override
            public boolean exists(String ref) {
                return false;
            }

            @Override
            public List<Map<String, Object>> ipAddresses(String host) {
                return host.equals("10.0.0.1") ? List.of(Map.of("id", 77, "address", "10.0.0.1/24",
                        "tags", List.of(Map.of("slug", "enreach")), "custom_fields", Map.of("enreach_entity_id", 99))) : List.of();
            }
        };
        List<Finding> f = validate(RULES, nb, ok(1, "a").iface("eth0", null).ip("10.0.0.1", 24, "eth0").build());
        Finding dup = f.stream().filter(x -> x.finding().rule().equals("ip-unique")).findFirst().orElseThrow();
        assertTrue(dup.finding().message().contains("entity 99"), dup.finding().message());
    }

    @Test
    void unknownSiteWhenCreatingSitesIsOff() {
        MappingRules noCreate = MappingFile.parse("{\"object_types\": {\"server\": \"device\"}, \"derive\": {\"site\": \"${site}\","
                + " \"device_role\": \"Server\", \"device_status\": \"active\", \"manufacturer\": \"X\", \"device_type\": \"Y\"},"
                + " \"create_missing\": {\"dcim.site\": false}}", "t");
        List<Finding> f = validate(noCreate, NetBoxFacts.NONE, ok(1, "a").build());
        assertEquals(Set.of("known-site-role"), rulesOf(f, "dcim.device:entity:1"));
        NetBoxFacts hasSite = new NetBoxFacts() {
            @Override
            public boolean exists(String ref) {
                return ref.equals("dcim.site:slug:ams1");
            }

            @Override
            public List<Map<String, Object>> ipAddresses(String host) {
                return List.of();
            }
        };
        assertEquals(List.of(), validate(noCreate, hasSite, ok(1, "a").build()));
    }

    @Test
    void badMacsAndUnexpandedInterfaceNames() {
        List<Finding> f = validate(RULES, NetBoxFacts.NONE, ok(1, "a").iface("eth0", "aa:bb:cc").build(),
                Golden.entity(2, "network_device", "sw1").attr("site", "AMS1").iface("Xe1/0/1", null).iface("Gi1/0/2", null).build());
        assertEquals(Set.of("mac-valid"), rulesOf(f, "dcim.macaddress:entity:1:aa:bb:cc"));
        assertEquals(Set.of("interface-name"), rulesOf(f, "dcim.interface:entity:2:Xe1/0/1"));
        assertEquals(Set.of(), rulesOf(f, "dcim.interface:entity:2:GigabitEthernet1/0/2"));
        assertEquals("warning", f.stream().filter(x -> x.finding().rule().equals("interface-name")).findFirst().orElseThrow().finding().severity());
    }

    @Test
    void errorsHoldTheObjectAndWhatDependsOnIt() {
        EntityDetail noSite = Golden.entity(1, "server", "web01").iface("eth0", "aa:bb:cc:dd:ee:ff").ip("10.0.0.1", 24, "eth0")
                .attr("primary_ip", "10.0.0.1").build();
        DesiredState s = Mapper.map(List.of(noSite, ok(2, "b").iface("eth0", null).ip("10.0.0.2", null, "eth0").build()), RULES, "4.2.2");
        List<Finding> f = new Validator(ValidationRegistry.defaults()).validate(s, RULES, NetBoxFacts.NONE);
        Set<String> blocked = new HashSet<>();
        f.stream().filter(x -> x.finding().blocking()).forEach(x -> blocked.add(x.ref()));
        Set<String> held = Validator.held(s, blocked);
        assertTrue(held.containsAll(List.of("dcim.device:entity:1", "dcim.interface:entity:1:eth0",
                "dcim.macaddress:entity:1:AA:BB:CC:DD:EE:FF", "ipam.ipaddress:entity:1:10.0.0.1", "dcim.device:entity:1:primary_ip")), held.toString());
        assertTrue(held.contains("ipam.ipaddress:entity:2:10.0.0.2"));
        assertFalse(held.contains("dcim.device:entity:2"), "an invalid IP does not hold its device");
        assertFalse(held.contains("dcim.interface:entity:2:eth0"));
    }

    @Test
    void reportCountsAndFilters() {
        List<Finding> f = validate(RULES, NetBoxFacts.NONE, Golden.entity(1, "server", "web01").build(),
                ok(2, "b").iface("eth0", "zz").ip("10.0.0.2", null, "eth0").build());
        List<ValidationFinding> all = f.stream().map(Finding::finding).toList();
        ValidationReport r = Reports.report("t", Instant.EPOCH, 10, all, new ValidationQuery(null, null, "ip-valid", null, null, null, 50, 0),
                x -> null, ValidationRegistry.defaults().descriptions());
        assertEquals(1, r.count());
        assertEquals("ip-valid", r.findings().get(0).rule());
        assertEquals(Map.of("error", 1), r.byRule().get("ip-valid"));
        assertEquals(all.size(), r.errors() + r.warnings() + r.infos());
        assertEquals(3, r.blocked(), "the device without a site, the bad MAC and the bad IP");
        assertTrue(r.rules().containsKey("unmanaged-match"));
        ValidationReport page = Reports.report("t", Instant.EPOCH, 10, all, new ValidationQuery(null, "error", null, null, null, null, 1, 1),
                x -> null, Map.of());
        assertEquals(1, page.findings().size());
        assertEquals(r.errors(), page.count());
    }

    @Test
    void rulesArePluggableWithUniqueIds() {
        ValidationRegistry reg = ValidationRegistry.defaults();
        ValidationRule custom = new ValidationRule() {
            public String id() {
                return "no-test-names";
            }

            public String description() {
                return "no devices called test";
            }

            public String defaultSeverity() {
                return "warning";
            }

            public void check(ValidationContext ctx, FindingSink sink) {
                ctx.state().objects().stream().filter(o -> "test".equals(o.name())).forEach(o -> sink.report(o, "name", "rename it"));
            }
        };
        reg.register(custom);
        assertThrows(IllegalArgumentException.class, () -> reg.register(custom));
        DesiredState s = Mapper.map(List.of(ok(1, "test").build()), RULES, "4.2.2");
        List<Finding> f = new Validator(reg).validate(s, RULES, NetBoxFacts.NONE);
        assertEquals(List.of("no-test-names"), f.stream().map(x -> x.finding().rule()).toList());
    }
}

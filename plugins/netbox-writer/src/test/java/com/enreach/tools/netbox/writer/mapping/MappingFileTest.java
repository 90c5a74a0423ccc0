package com.enreach.tools.netbox.writer.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingFileTest {
    @TempDir
    Path dir;

    @Test
    void shippedDefaultsParseAndAreTheConfigFile() throws Exception {
        MappingRules shipped = MappingFile.load(Path.of("../../config/etc/netbox-mapping.json"));
        assertEquals("device", shipped.objectTypes().get("server"));
        assertEquals("virtual_machine", shipped.objectTypes().get("vm"));
        // the bundle's fallback is the same text as config/etc/netbox-mapping.json
        try (var in = MappingFile.class.getResourceAsStream(MappingFile.DEFAULT_RESOURCE)) {
            assertEquals(Files.readString(Path.of("../../config/etc/netbox-mapping.json")), new String(in.readAllBytes(), "UTF-8"));
        }
        assertEquals(shipped.objectTypes(), MappingFile.load(dir.resolve("absent.json")).objectTypes());
    }

    @Test
    void everyProblemIsReportedWithItsPath() throws Exception {
        Path f = dir.resolve("netbox-mapping.json");
        Files.writeString(f, """
                {"object_types": {"server": "device", "vm": "vm"},
                 "derive": {"site": {"rules": [{"when": {"name": "(["}, "value": "x"}]},
                            "device_status": {"rules": [], "default": "running"},
                            "colour": "red"},
                 "create_missing": {"dcim.site": "yes"},
                 "role_color": "RED",
                 "vm_disk_unit": "TB",
                 "sites": {}}
                """);
        MappingException e = assertThrows(MappingException.class, () -> MappingFile.load(f));
        List<String> paths = e.errors().stream().map(x -> x.field()).toList();
        assertTrue(paths.containsAll(List.of("object_types.vm", "derive.site.rules[0].when.name", "derive.device_status.default",
                "derive.colour", "create_missing.dcim.site", "role_color", "vm_disk_unit", "sites")), paths.toString());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("running"), e.getMessage());
    }

    @Test
    void brokenJsonNamesTheLine() throws Exception {
        Path f = dir.resolve("netbox-mapping.json");
        Files.writeString(f, "{\n \"object_types\": {\"server\": \"device\",}\n}");
        MappingException e = assertThrows(MappingException.class, () -> MappingFile.load(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void editsApplyAtTheNextLoad() throws Exception {
        Path f = dir.resolve("netbox-mapping.json");
        Files.writeString(f, "{\"object_types\": {\"server\": \"device\"}, \"derive\": {\"site\": \"AMS1\"}}");
        assertEquals("AMS1", MappingFile.load(f).derivation("site").derive(a -> null));
        Files.writeString(f, "{\"object_types\": {\"server\": \"device\"}, \"derive\": {\"site\": \"FRA1\"}}");
        assertEquals("FRA1", MappingFile.load(f).derivation("site").derive(a -> null));
    }
}

package com.enreach.tools.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.FieldError;

/** The shipped etc/enreach.reports.cfg reads without errors and says what the built-in defaults say. */
class ShippedConfigTest {
    @Test
    void theShippedFileIsValidAndMatchesTheDefaults() throws Exception {
        Path file = Path.of("../../config/etc/enreach.reports.cfg");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, Object> props = new HashMap<>();
        p.forEach((k, v) -> props.put((String) k, v));
        List<FieldError> errors = new ArrayList<>();

        ReportSettings shipped = ReportSettings.read(props, errors);

        assertEquals(List.of(), errors);
        ReportSettings defaults = ReportSettings.defaults();
        assertEquals(defaults.expectationText(), shipped.expectationText());
        assertEquals(defaults.networkTypes(), shipped.networkTypes());
        assertEquals(List.of(defaults.inventory(), defaults.facts(), defaults.configs(), defaults.backups()),
                List.of(shipped.inventory(), shipped.facts(), shipped.configs(), shipped.backups()));
    }
}

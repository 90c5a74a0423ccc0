package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

import com.enreach.tools.api.inventory.AttributeRule;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.ResolutionRules;
import com.enreach.tools.api.plugin.FieldError;

/** The golden-record rules file in etc/ is picked up while the platform runs; a bad edit is reported, not applied. */
public class GoldenRulesIT extends PlatformTestSupport {

    @Test
    public void editsOfTheRulesFileApplyWithoutARestartAndABadOneKeepsThePreviousRules() {
        writeConfig("inventory-rules.json", "{\"attributes\": {\"os\": {\"strategy\": \"newest\"}}}");
        ResolutionRules applied = await("the rules file to apply", CHANGE, () -> conflicts().rules(),
                r -> "newest".equals(rule(r, "os").strategy()) && r.errors().isEmpty());
        assertEquals(home().resolve("etc").resolve("inventory-rules.json").toString(), applied.file());

        writeConfig("inventory-rules.json", "{\"attributes\": {\"os\": {\"strategy\": \"newest\"}, \"memory_bytes\": {\"tolerance\": \"2 percent\"}}}");
        ResolutionRules rejected = await("the bad rules file to be reported", CHANGE, () -> conflicts().rules(), r -> !r.errors().isEmpty());
        assertEquals(List.of("attributes.memory_bytes.tolerance"), rejected.errors().stream().map(FieldError::field).toList());
        assertEquals("2%", rule(rejected, "memory_bytes").tolerance());
        assertEquals("newest", rule(rejected, "os").strategy());
    }

    private ConflictService conflicts() {
        ServiceReference<ConflictService> ref = bundleContext.getServiceReference(ConflictService.class);
        return ref == null ? null : bundleContext.getService(ref);
    }

    private static AttributeRule rule(ResolutionRules rules, String attribute) {
        return rules.attributes().stream().filter(a -> a.attribute().equals(attribute)).findFirst().orElseThrow();
    }
}

package com.enreach.tools.core.internal.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.inventory.AttributeRule;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.ResolutionRules;
import com.enreach.tools.api.plugin.FieldError;

class RulesTest {
    @TempDir
    Path dir;

    @Test
    void patternsMatchTheSourceSystemOrInstanceWithStarAsAnyTextIgnoringCase() {
        Rule r = Rule.of("os", Rule.PRIORITY, List.of("*puppetdb*", "vcenter", "demo-foreman"), Tolerance.CASE_INSENSITIVE);
        assertEquals(1, r.rank("demo", "demo-puppetdb"), "instance matched by *puppetdb*");
        assertEquals(1, r.rank("PuppetDB", "pdb-main"), "system matched, any case");
        assertEquals(2, r.rank("vcenter", "vc-prod"));
        assertEquals(0, r.rank("demo", "demo-vcenter"), "without stars a pattern is the whole name");
        assertEquals(3, r.rank("demo", "DEMO-FOREMAN"));
        assertEquals(0, r.rank("netbox", "nb"));
        assertEquals(0, Rule.of("os", Rule.NEWEST, List.of(), Tolerance.EXACT_MATCH).rank("puppetdb", "x"), "newest ranks nothing");
        assertTrue(Rule.glob("a.b*").matcher("a.bc").matches());
        assertFalse(Rule.glob("a.b*").matcher("axbc").matches(), "a dot is a dot, not any character");
    }

    @Test
    void tolerancesCompareNumbersByPercentAndTextByCaseOrHostName() {
        Tolerance two = Tolerance.parse("2%");
        assertTrue(two.agrees("memory_bytes", 68_719_476_736L, 68_000_000_000L), "1.05% apart");
        assertFalse(two.agrees("memory_bytes", 8L << 30, 16L << 30));
        assertFalse(Tolerance.EXACT_MATCH.agrees("serial", "abc", "ABC"));
        assertTrue(Tolerance.CASE_INSENSITIVE.agrees("serial", "abc", "ABC"));
        assertFalse(Tolerance.CASE_INSENSITIVE.agrees("name", "web01", "web01.example.com"));
        assertTrue(Tolerance.HOSTNAME.agrees("name", "WEB01", "web01.example.com"));
        assertFalse(Tolerance.HOSTNAME.agrees("name", "web01.prod", "web01.dev"), "same short name, different domains");
        assertFalse(Tolerance.HOSTNAME.agrees("name", "web0", "web01.example.com"));
        assertTrue(Tolerance.CASE_INSENSITIVE.agrees("type", "server", "vm"));
        Tolerance os = Tolerance.parse("os");
        assertTrue(os.agrees("os", "Ubuntu 22.04", "Ubuntu Linux (64-bit)"), "vCenter's guest OS names no version");
        assertTrue(os.agrees("os", "Windows Server 2022", "Microsoft Windows Server 2022 (64-bit)"));
        assertTrue(os.agrees("os", "RedHat 9.4", "Red Hat Enterprise Linux 9 (64-bit)"));
        assertFalse(os.agrees("os", "Ubuntu 22.04", "Ubuntu 24.04"), "another major version");
        assertFalse(os.agrees("os", "Debian 12", "Ubuntu Linux (64-bit)"), "another family");
        assertFalse(os.agrees("os", "Plan 9", "Inferno"), "unknown families agree only when equal");
        assertFalse(Tolerance.CASE_INSENSITIVE.agrees("type", "vm", "hypervisor"));
        assertTrue(Tolerance.CASE_INSENSITIVE.agrees("system_uuid", "4231a6f2-6e8b-4c7d-9a1b-0123456789ab",
                "F2A63142-8B6E-7D4C-9A1B-0123456789AB"), "the other byte order of the same UUID");
        assertFalse(Tolerance.CASE_INSENSITIVE.agrees("system_uuid", "4231a6f2-6e8b-4c7d-9a1b-0123456789ab",
                "f2a63142-8b6e-7d4c-9a1b-0123456789ac"));
        assertFalse(Tolerance.EXACT_MATCH.agrees("system_uuid", "4231a6f2-6e8b-4c7d-9a1b-0123456789ab",
                "f2a63142-8b6e-7d4c-9a1b-0123456789ab"), "exact means exact");
        assertNull(Tolerance.parse("2 percent"));
        assertNull(Tolerance.parse("101%"));
        assertEquals("2.5%", Tolerance.parse("2.5%").text());
    }

    @Test
    void theShippedRulesFileIsValidAndSaysWhatTheBuiltInDefaultsSay() throws IOException {
        Path shipped = Path.of("../../config/etc", RulesFile.NAME);
        RulesParser.Result r = RulesParser.parse(Files.readString(shipped));
        assertEquals(List.of(), r.errors());
        assertEquals(RuleSet.defaults().fingerprint(), r.rules().fingerprint(), "config/etc and the built-in defaults agree");
        assertEquals("2%", r.rules().rule(Attributes.MEMORY_BYTES).tolerance().text());
        assertEquals(List.of("*puppetdb*", "*foreman*", "*vcenter*"), r.rules().rule(Attributes.OS).priority());
    }

    @Test
    void aFileWithMistakesIsRejectedWithFieldErrorsSayingWhatAndWhere() {
        RulesParser.Result r = RulesParser.parse("""
                {"attributes": {
                  "memory_bytes": {"tolerance": "2 percent"},
                  "os": {"strategy": "oldest", "tolerance": "5%"},
                  "colour": {"strategy": "newest"},
                  "site": {"priority": ["*netbox*", "", "a b"], "weight": 3},
                  "rack": {"strategy": "newest", "priority": ["*netbox*"]}
                }, "extra": 1}""");
        assertNull(r.rules());
        List<String> fields = r.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("extra", "attributes.memory_bytes.tolerance", "attributes.os.strategy", "attributes.os.tolerance",
                "attributes.colour", "attributes.site.weight", "attributes.site.priority[1]", "attributes.site.priority[2]",
                "attributes.rack.priority"), fields);
        assertEquals("'2 percent' is not exact, case, hostname, os or a percentage such as 2%", r.errors().get(1).message());
        assertTrue(r.errors().get(3).message().contains("numbers only"), r.errors().get(3).message());
        assertTrue(r.errors().get(4).message().contains("unknown attribute 'colour'"), r.errors().get(4).message());

        RulesParser.Result syntax = RulesParser.parse("{\"attributes\": {\n  \"os\": {\"strategy\": newest}}}");
        assertEquals("syntax", syntax.errors().get(0).code());
        assertTrue(syntax.errors().get(0).message().contains("line 2"), syntax.errors().get(0).message());
    }

    @Test
    void attributesAndFieldsAFileLeavesOutKeepTheirDefaults() {
        RulesParser.Result r = RulesParser.parse("{\"attributes\": {\"os\": {\"strategy\": \"newest\"}, \"serial\": {\"tolerance\": \"exact\"}}}");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(Rule.NEWEST, r.rules().rule(Attributes.OS).strategy());
        assertEquals(List.of(), r.rules().rule(Attributes.OS).priority());
        assertEquals("os", r.rules().rule(Attributes.OS).tolerance().text());
        assertEquals("exact", r.rules().rule(Attributes.SERIAL).tolerance().text());
        assertEquals(RuleSet.defaults().rule(Attributes.SERIAL).priority(), r.rules().rule(Attributes.SERIAL).priority());
        assertEquals(RuleSet.defaults().rule(Attributes.NAME), r.rules().rule(Attributes.NAME));
    }

    @Test
    void aValidEditIsPickedUpAndRecomputesEveryEntityAndABadEditKeepsThePreviousRules() throws Exception {
        GoldenFixture f = new GoldenFixture(dir);
        long old = f.device("puppetdb", "pdb", "h1", "server", "{\"os\": \"Debian 11\"}", 1);
        long recent = f.device("foreman", "fm", "h1", "server", "{\"os\": \"Debian 12\"}", 30);
        long e = f.entityOf(old, recent);
        f.refresh(e);
        assertEquals("Debian 11", f.golden(e, Attributes.OS).value(), "default: *puppetdb* first");
        ResolutionRules builtIn = f.refresher.rulesFile().describe();
        assertEquals("built-in defaults", builtIn.file());

        write(f.rulesPath(), "{\"attributes\": {\"os\": {\"strategy\": \"newest\"}}}", 1);
        assertEquals(RulesFile.Outcome.APPLIED, f.refresher.checkRules());

        assertEquals("Debian 12", f.golden(e, Attributes.OS).value(), "recomputed without anyone calling refresh");
        assertEquals("newest", f.golden(e, Attributes.OS).rule());
        ResolutionRules applied = f.refresher.rulesFile().describe();
        assertEquals(f.rulesPath().toString(), applied.file());
        assertEquals(List.of(), applied.errors());
        assertEquals(new AttributeRule("os", "newest", List.of(), "os"), applied.attributes().get(Attributes.ALL.indexOf("os")));
        assertEquals(RulesFile.Outcome.UNCHANGED, f.refresher.checkRules(), "nothing is read again while the file is untouched");

        write(f.rulesPath(), "{\"attributes\": {\"os\": {\"strategy\": \"newest\", \"tolerance\": \"2 percent\"}}}", 2);
        assertEquals(RulesFile.Outcome.REJECTED, f.refresher.checkRules());
        ResolutionRules kept = f.refresher.rulesFile().describe();
        assertEquals(applied.attributes(), kept.attributes(), "the previous valid rules stay in force");
        assertEquals(applied.loadedAt(), kept.loadedAt());
        assertEquals("attributes.os.tolerance", kept.errors().get(0).field());
        assertEquals("Debian 12", f.golden(e, Attributes.OS).value());

        Files.delete(f.rulesPath());
        assertEquals(RulesFile.Outcome.APPLIED, f.refresher.checkRules());
        assertEquals("built-in defaults", f.refresher.rulesFile().describe().file());
        assertEquals(List.of(), f.refresher.rulesFile().describe().errors());
        assertEquals("Debian 11", f.golden(e, Attributes.OS).value(), "back to the defaults when the file goes");
    }

    @Test
    void aRestartWithABadFileKeepsTheRulesInForceBeforeAndAnEditWhileDownIsRecomputed() throws Exception {
        GoldenFixture f = new GoldenFixture(dir);
        write(f.rulesPath(), "{\"attributes\": {\"os\": {\"strategy\": \"newest\"}}}", 1);
        f.refresher.checkRules();

        write(f.rulesPath(), "{\"attributes\": {\"os\": {\"strategy\": \"sometimes\"}}}", 2);
        GoldenRefresher restarted = new GoldenRefresher(f.db, f.rulesPath(), false);
        assertFalse(restarted.resume(), "the stored rules are in force: nothing to recompute");
        ResolutionRules rules = restarted.rulesFile().describe();
        assertEquals("newest", rules.attributes().get(Attributes.ALL.indexOf("os")).strategy(), "not the built-in priority");
        assertEquals(List.of("attributes.os.strategy"), rules.errors().stream().map(FieldError::field).toList());

        write(f.rulesPath(), "{\"attributes\": {\"os\": {\"strategy\": \"priority\"}}}", 3);
        assertTrue(new GoldenRefresher(f.db, f.rulesPath(), false).resume(), "rules edited while down: every entity is recomputed");
    }

    @Test
    void theConflictServiceReportsTheRulesInForceAndTheFileErrors() throws Exception {
        GoldenFixture f = new GoldenFixture(dir);
        GoldenConflicts service = new GoldenConflicts(f.db, f.refresher);
        write(f.rulesPath(), "{\"attributes\": {\"memory_bytes\": {\"tolerance\": \"lots\"}}}", 1);
        f.refresher.checkRules();
        ResolutionRules rules = service.rules();
        assertEquals(Attributes.ALL, rules.attributes().stream().map(AttributeRule::attribute).toList());
        assertEquals("2%", rules.attributes().get(Attributes.ALL.indexOf("memory_bytes")).tolerance());
        assertEquals(List.of("attributes.memory_bytes.tolerance"), rules.errors().stream().map(FieldError::field).toList());
        assertEquals(Instant.class, rules.loadedAt().getClass());
    }

    /** Writes the file with a distinct modification time (so a check sees the edit however fast the test runs). */
    private static void write(Path file, String json, int version) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
    }
}

package com.enreach.tools.assistant.internal.kbmaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.KbAnalysis;
import com.enreach.tools.api.ai.KbAnalysis.KbFinding;
import com.enreach.tools.api.ai.KbAnalysisRequest;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.assistant.internal.resolve.FakeContext;

class KbAnalyzerTest {
    static final Instant NOW = Instant.now();
    static final String NFS_RUNBOOK = "When an NFS datastore shows a stale file handle on an ESXi host, remount the datastore.\n"
            + "Fix\n- vMotion the VMs off\n- Remove and re-add the NFS datastore\n- Rescan";
    static final String LONG = "Our VMs are backed up nightly by the Commvault Virtual Server Agent through the CommServe and the MediaAgent. "
            + "A failed job leaves an alert in the CommCell console and the VM in the report of VMs without a successful backup. "
            + "Check the job log on the proxy, restart the VSS writers in the guest and run the job again from the console.";

    FakeContext ctx;
    KbAnalyzer analyzer;

    @BeforeEach
    void setUp() {
        ctx = new FakeContext();
        analyzer = new KbAnalyzer(ctx);
    }

    private KbAnalysis analyze() {
        return analyzer.analyze(new KbAnalysisRequest(0, 0, false, null), "alice");
    }

    private static List<KbFinding> of(KbAnalysis a, String kind) {
        return a.findings().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    private void redisTickets(int n, Instant created) {
        for (int i = 0; i < n; i++) {
            ctx.kb.ticket("OPS-" + (100 + i), "Redis eviction storm on cache-0" + i, "Redis on cache-0" + i + " evicts keys, clients time out",
                    "Fixed", created.plus(i, ChronoUnit.DAYS), List.of(), "Raised maxmemory and set the eviction policy to allkeys-lru; fixed.");
        }
    }

    private void nfsTickets(int n, Instant created) {
        for (int i = 0; i < n; i++) {
            ctx.kb.ticket("OPS-" + (200 + i), "NFS datastore stale file handle on esx-ams-000" + i, "datastore inaccessible", "Fixed",
                    created.plus(i, ChronoUnit.DAYS), List.of(), "Remounted the NFS datastore; fixed.");
        }
    }

    @Test
    void theDefaultsAreUsedAndBadParametersAreRefusedWithTheFieldNamed() {
        KbAnalysis a = analyze();
        assertEquals(12, a.staleMonths());
        assertEquals(0.9, a.duplicateSimilarity());
        assertEquals(List.of("duplicate", "gap", "outdated"), a.counts().keySet().stream().sorted().toList());
        for (int months : new int[] {-1, 241}) {
            ApiException e = assertThrows(ApiException.class, () -> analyzer.analyze(new KbAnalysisRequest(months, 0, false, null), "a"));
            assertEquals(ApiException.Reason.INVALID, e.reason());
            assertEquals("stale_months", e.field());
        }
        for (double sim : new double[] {0.3, 1.5, -1, Double.NaN}) {
            assertEquals("duplicate_similarity",
                    assertThrows(ApiException.class, () -> analyzer.analyze(new KbAnalysisRequest(0, sim, false, null), "a")).field());
        }
        assertEquals("provider", assertThrows(ApiException.class, () -> analyzer.analyze(new KbAnalysisRequest(0, 0, true, "nope"), "a")).field());
        assertEquals(6, analyzer.analyze(new KbAnalysisRequest(6, 0.95, false, null), "a").staleMonths());
    }

    @Test
    void resolvedTicketsWithNoCloseArticleAreAGapAndThoseWithARunbookAreNot() {
        ctx.kb.article("Runbook: NFS stale file handle on ESXi", NFS_RUNBOOK);
        redisTickets(4, NOW.minus(30, ChronoUnit.DAYS));
        nfsTickets(4, NOW.minus(30, ChronoUnit.DAYS));
        ctx.kb.ticket("OPS-300", "Printer jams on floor three", "duplex", "Fixed", "Cleaned the rollers; fixed.");

        KbAnalysis a = analyze();
        List<KbFinding> gaps = of(a, "gap");
        assertEquals(1, gaps.size(), gaps.toString());
        KbFinding gap = gaps.get(0);
        assertTrue(gap.title().contains("Redis eviction storm"), gap.title());
        assertTrue(gap.detail().startsWith("4 resolved tickets"), gap.detail());
        assertEquals(4, gap.evidence().stream().filter(c -> c.kind().equals("ticket")).count());
        assertTrue(gap.evidence().get(0).link().startsWith("#/ext/tickets?id="));
        assertTrue(gap.score() > 0 && gap.score() <= 1);
        assertNull(gap.draft());
        assertEquals(1, a.counts().get("gap"));
    }

    @Test
    void twoResolvedTicketsAreNoGapYet() {
        redisTickets(2, NOW);
        assertTrue(of(analyze(), "gap").isEmpty());
    }

    @Test
    void anArticleNotUpdatedForMonthsWhileRelatedTicketsKeepComingIsOutdated() {
        long old = ctx.kb.article("Runbook: NFS stale file handle on ESXi", NFS_RUNBOOK, NOW.minus(800, ChronoUnit.DAYS), List.of());
        nfsTickets(3, NOW.minus(60, ChronoUnit.DAYS));

        List<KbFinding> outdated = of(analyze(), "outdated");
        assertEquals(1, outdated.size(), outdated.toString());
        assertEquals(old, outdated.get(0).evidence().get(0).id());
        assertEquals(4, outdated.get(0).evidence().size(), "the article and the newer tickets");
        assertTrue(outdated.get(0).detail().contains("3 related tickets"), outdated.get(0).detail());
        // with a longer window it is not stale yet
        assertTrue(of(analyzer.analyze(new KbAnalysisRequest(36, 0, false, null), "a"), "outdated").isEmpty());
    }

    @Test
    void aRecentlyUpdatedArticleOrAPostMortemIsNotOutdated() {
        ctx.kb.article("Runbook: NFS stale file handle on ESXi", NFS_RUNBOOK, NOW.minus(30, ChronoUnit.DAYS), List.of());
        ctx.kb.article("Post-mortem: NFS stale file handle on ESXi", NFS_RUNBOOK.replace("When", "Last year when"), NOW.minus(800, ChronoUnit.DAYS),
                List.of());
        nfsTickets(3, NOW.minus(10, ChronoUnit.DAYS));
        assertTrue(of(analyze(), "outdated").isEmpty(), of(analyze(), "outdated").toString());
    }

    @Test
    void anArticleNamingMachinesTheInventoryNoLongerHasIsOutdated() {
        ctx.inventory.put("esx-ams-0003", List.of(FakeContext.entity(3, "esx-ams-0003", "hypervisor")));
        ctx.inventory.put("esx-ams-0004", List.of(FakeContext.entity(4, "esx-ams-0004", "hypervisor")));
        List<EntityMention> linked = List.of(new EntityMention(3, "esx-ams-0003", "hypervisor", "esx-ams-0003", "name"),
                new EntityMention(3, "esx-ams-0003", "hypervisor", "esx-ams-0003.example.com", "fqdn"),
                new EntityMention(3, "esx-ams-0003", "hypervisor", "10.20.1.3", "ip"));
        long stale = ctx.kb.article("ESXi hosts of cl-ams-01", "Hosts: esx-ams-0003, esx-ams-0004 and esx-ams-0099 (esx-ams-0098.example.com, "
                + "10.20.1.99). Use vmk1 and eno1; see web01 and 192.168.7.7. Management network 10.20.0.0/16.", NOW, linked);
        ctx.kb.article("Other hosts", "esx-ams-0003 and esx-ams-0004 are fine.", NOW, linked);
        ctx.kb.article("Post-mortem 2024-03-01: esx-ams-0097 down", "esx-ams-0097 and esx-ams-0003 lost their NFS datastores.", NOW, linked);

        List<KbFinding> outdated = of(analyze(), "outdated");
        assertEquals(1, outdated.size(), outdated.toString());
        KbFinding f = outdated.get(0);
        assertEquals(stale, f.evidence().get(0).id());
        assertEquals("#/ext/articles?id=" + stale, f.evidence().get(0).link());
        assertTrue(f.detail().startsWith("Mentions esx-ams-0099, esx-ams-0098.example.com, 10.20.1.99:"), f.detail());
        for (String notAHost : List.of("vmk1", "eno1", "web01", "192.168.7.7", "esx-ams-0004", "10.20.0.0")) {
            assertFalse(f.detail().contains(notAHost + ",") || f.detail().contains(notAHost + ":"), notAHost + " in " + f.detail());
        }
    }

    @Test
    void anArticleNamingVersionsNoActiveMachineRunsIsOutdatedWhileTheInventoryRunsOthers() {
        ctx.os.put(FakeContext.entity(11, "esx-ams-0001", "hypervisor"), "VMware ESXi 8.0.2 build-22380479");
        ctx.os.put(FakeContext.entity(12, "esx-ams-0002", "hypervisor"), "VMware ESXi 8.0.3 build-24022510");
        ctx.os.put(FakeContext.entity(13, "vm-web-01", "vm"), "Ubuntu 22.04");
        ctx.os.put(FakeContext.entity(14, "vm-web-02", "vm"), "Red Hat Enterprise Linux 9 (64-bit)");
        long old = ctx.kb.article("Patching ESXi 6.7 hosts", "Upgrade from ESXi 6.7 U3 with the offline bundle. Guests on Ubuntu 18.04 "
                + "need open-vm-tools first; Ubuntu 22.04 guests are fine. RHEL 7 guests: see below.", NOW, List.of());
        ctx.kb.article("Patching ESXi 8.0", "Patch ESXi 8.0 hosts with vLCM. RHEL 9.4 and Ubuntu 22.04 guests need nothing.", NOW, List.of());
        ctx.kb.article("Windows Server 2012 R2 end of life", "Windows Server 2012 R2 is out of support.", NOW, List.of());

        List<KbFinding> outdated = of(analyze(), "outdated");

        assertEquals(1, outdated.size(), "no Windows in the inventory: nothing to compare it with; " + outdated);
        KbFinding f = outdated.get(0);
        assertEquals(old, f.evidence().get(0).id());
        assertTrue(f.title().startsWith("Names versions the inventory no longer runs: Patching ESXi 6.7"), f.title());
        assertTrue(f.detail().startsWith("Mentions VMware ESXi 6.7, Ubuntu 18.04, Red Hat Enterprise Linux 7, which no active machine runs"),
                f.detail());
        assertTrue(f.detail().contains("VMware ESXi 8.0.2, 8.0.3"), f.detail());
        assertFalse(f.detail().contains("22.04,"), "Ubuntu 22.04 is run: " + f.detail());
    }

    @Test
    void versionsAreReadFromTheWaysPeopleWriteThemAndMatchedAtADot() {
        assertEquals(List.of("VMware ESXi 7.0", "Ubuntu 20.04", "Red Hat Enterprise Linux 8.6", "Windows Server 2012 R2", "ONTAP 9.13.1"),
                Versions.mentions("ESXi 7.0 U3 hosts, Ubuntu Server 20.04 LTS, RHEL 8.6, Windows Server 2012 R2 and ONTAP 9.13.1; ESXi 7.0 again")
                        .stream().map(Versions.Mention::label).toList());
        assertEquals(List.of(), Versions.mentions("the esxi host and ubuntu guests, Debian 12.5.1 kernel? RHEL9x"));
        assertEquals(List.of("Debian 12", "Red Hat Enterprise Linux 9.4"), Versions.mentions("Upgrade to RHEL 9.4. Debian 12, then RHEL9.4 again")
                .stream().map(Versions.Mention::label).toList());
        assertTrue(Versions.same("8.0", "8.0.2"));
        assertTrue(Versions.same("9", "9.4"));
        assertTrue(Versions.same("2012 R2", "2012 r2"));
        assertFalse(Versions.same("7.0", "7.01"));
        assertFalse(Versions.same("6.7", "8.0.2"));
        assertFalse(Versions.same("2012", "2012 R2") && Versions.same("2012 R2", "2016"));
    }

    @Test
    void nearDuplicateAndOverlappingArticlesAreFoundAndDistinctOnesAreNot() {
        long a = ctx.kb.article("Backup failures", LONG);
        long b = ctx.kb.article("Commvault backup failures (copy)", LONG + " Thanks.");
        long c = ctx.kb.article("Backups and more", LONG.substring(0, LONG.indexOf("Check")) + " Our tape library is in Amsterdam and holds "
                + "the monthly full backups for seven years, rotated by the archive team every quarter after the audit of the vault.");
        ctx.kb.article("Certificates", "Certificates expire every 90 days. Renew them with the ACME client and reload nginx on every web server.");

        List<KbFinding> dups = of(analyze(), "duplicate");
        assertTrue(dups.size() >= 2, dups.toString());
        KbFinding ab = dups.stream().filter(f -> ids(f).equals(List.of(a, b))).findFirst().orElseThrow();
        assertTrue(ab.title().startsWith("Near-duplicate articles"), ab.title());
        assertTrue(ab.score() >= 0.9);
        assertTrue(dups.stream().anyMatch(f -> ids(f).equals(List.of(a, c)) && f.title().startsWith("Overlapping articles")), dups.toString());
        assertTrue(dups.stream().noneMatch(f -> f.title().contains("Certificates")));
        // a stricter similarity keeps the copy a duplicate, a pair below it is no near-duplicate
        assertTrue(of(analyzer.analyze(new KbAnalysisRequest(0, 1.0, false, null), "a"), "duplicate").stream()
                .noneMatch(f -> f.title().startsWith("Near-duplicate")));
    }

    private static List<Long> ids(KbFinding f) {
        return f.evidence().stream().map(x -> x.id()).sorted().toList();
    }

    @Test
    void withTheModelDuplicatesAreFoundByCosineAndEveryTextIsEmbeddedOncePerRunInBatches() {
        BagOfWords model = new BagOfWords();
        ctx.embedding = model;
        long a = ctx.kb.article("Restart the backup agent", "When the nightly backup fails restart the agent and check the job history");
        long b = ctx.kb.article("Backup agent restart", "restart the agent when the nightly backup fails then check the job history");
        ctx.kb.article("Certificates", "Certificates expire every 90 days renew them with the ACME client");
        for (int i = 0; i < 300; i++) {
            ctx.kb.ticket("OPS-" + i, "Disk full on db" + i, "disk", "Fixed", "Cleaned; fixed.");
        }
        KbAnalysis r = analyze();
        assertTrue(of(r, "duplicate").stream().anyMatch(f -> ids(f).equals(List.of(a, b)) && f.detail().contains("embedding cosine")),
                of(r, "duplicate").toString());
        assertEquals(303, model.texts, "each article and ticket embedded once");
        assertTrue(model.calls <= 4, "batched: " + model.calls + " calls");
    }

    @Test
    void pagesFromOneTemplateAboutDifferentMachinesAreNoDuplicatesByMeaningButCopiesAboutTheSameOnesAre() {
        BagOfWords model = new BagOfWords();
        ctx.embedding = model;
        EntityMention fra = new EntityMention(21, "esx-fra-0001", "hypervisor", "esx-fra-0001", "name");
        EntityMention lon = new EntityMention(22, "esx-lon-0001", "hypervisor", "esx-lon-0001", "name");
        // both name the shared vCenter too: one machine in common of three is still different subjects
        EntityMention vc = new EntityMention(23, "vcsa-01", "server", "vcsa-01", "name");
        // the demo's cluster pages: the same template, each about its own hosts (cosine near 1, little shared text)
        ctx.kb.article("Cluster cl-fra-02", "Production VMs run here. HA admission control on, DRS fully automated, vSAN storage policy"
                + " RAID-1 with dedup and compression, hosts esx-fra-0001 patched monthly by the platform team during the Sunday maintenance"
                + " window, backups nightly by Commvault with weekly full copies, monitoring in Prometheus with alerts to the on-call engineer.",
                NOW, List.of(fra, vc));
        ctx.kb.article("Cluster cl-lon-03", "Monitoring in Prometheus with alerts to the on-call engineer, backups nightly by Commvault with"
                + " weekly full copies; the platform team patched hosts esx-lon-0001 monthly during the Sunday maintenance window. Storage"
                + " policy vSAN RAID-1 with dedup and compression, DRS fully automated, HA admission control on. Production VMs run here.",
                NOW, List.of(lon, vc));
        // two write-ups of one procedure on the same host: a duplicate whatever their wording
        long a = ctx.kb.article("Reboot esx-fra-0001", "Put esx-fra-0001 in maintenance mode then reboot it and exit maintenance mode",
                NOW, List.of(fra));
        long b = ctx.kb.article("esx-fra-0001 reboot", "reboot esx-fra-0001 after putting it in maintenance mode then exit maintenance mode",
                NOW, List.of(fra));

        List<KbFinding> d = of(analyze(), "duplicate");

        assertEquals(1, d.size(), d.toString());
        assertEquals(List.of(a, b), ids(d.get(0)));
        assertTrue(d.get(0).detail().contains("embedding cosine"), d.get(0).detail());
    }

    @Test
    void withAGeneratingProviderEachGapGetsADraftFromItsFencedTickets() {
        redisTickets(3, NOW);
        FakeContext.Scripted llm = ctx.generating("gpt", r -> "# Redis eviction storms\n\n## Fix\n1. Raise maxmemory");
        KbAnalysis a = analyzer.analyze(new KbAnalysisRequest(0, 0, true, "gpt"), "alice");
        KbFinding gap = of(a, "gap").get(0);
        assertEquals("# Redis eviction storms\n\n## Fix\n1. Raise maxmemory", gap.draft());
        String sent = llm.requests.get(0).messages().get(0).text();
        assertTrue(sent.contains("<<<DATA ticket OPS-100"), sent);
        assertTrue(sent.contains("allkeys-lru"), "the fix comments are sent");
    }

    @Test
    void aProviderFailureLeavesTheGapWithoutADraftAndSaysWhy() {
        redisTickets(3, NOW);
        ctx.generating("down", r -> {
            throw new AiException(AiException.Kind.RATE_LIMITED, "down", "rate limited, retry in 30 s");
        });
        KbFinding gap = of(analyzer.analyze(new KbAnalysisRequest(0, 0, true, "down"), "alice"), "gap").get(0);
        assertNull(gap.draft());
        assertTrue(gap.detail().contains("No draft: the provider failed (rate limited, retry in 30 s)"), gap.detail());
    }

    @Test
    void theOfflineProviderDraftsNothingAndSaysSo() {
        redisTickets(3, NOW);
        KbFinding gap = of(analyzer.analyze(new KbAnalysisRequest(0, 0, true, "offline"), "alice"), "gap").get(0);
        assertNull(gap.draft());
        assertTrue(gap.detail().contains("offline provider does not write articles"), gap.detail());
    }

    /** A stand-in sentence model: hashed bag of words, normalised; counts calls. */
    static final class BagOfWords implements EmbeddingProvider {
        int calls;
        int texts;

        @Override
        public String model() {
            return "bow";
        }

        @Override
        public String modelVersion() {
            return "1";
        }

        @Override
        public int dimension() {
            return 256;
        }

        @Override
        public int maxTokens() {
            return 512;
        }

        @Override
        public int countTokens(String text) {
            return text.split("\\s+").length;
        }

        @Override
        public List<float[]> embed(List<String> in) {
            calls++;
            texts += in.size();
            List<float[]> out = new ArrayList<>();
            for (String t : in) {
                float[] v = new float[256];
                for (String w : t.toLowerCase(Locale.ROOT).split("\\W+")) {
                    if (!w.isEmpty()) {
                        v[Math.floorMod(w.hashCode(), 256)] += 1;
                    }
                }
                double n = 0;
                for (float x : v) {
                    n += x * x;
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) Math.max(Math.sqrt(n), 1e-9);
                }
                out.add(v);
            }
            return out;
        }
    }
}

package com.enreach.tools.assistant.internal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.assistant.internal.tools.FakeEstate;
import com.enreach.tools.assistant.internal.tools.InventoryTools;

class OfflineAnswererTest {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private final FakeEstate estate = new FakeEstate();
    private final OfflineAnswerer answerer = new OfflineAnswerer(estate, new InventoryTools(estate));

    private OfflineAnswerer.Drafted ask(String question, String scope) {
        OfflineAnswerer.Drafted d = answerer.answer(question, scope, AnswerListener.NONE);
        assertTrue(d.text().contains(OfflineAnswerer.EXTRACTIVE), "not said to be extractive: " + d.text());
        assertMarkersMatchCitations(d);
        return d;
    }

    /** Citations are numbered 1..n in order, each is used in the text, every marker has its citation. */
    private static void assertMarkersMatchCitations(OfflineAnswerer.Drafted d) {
        for (int i = 0; i < d.citations().size(); i++) {
            assertEquals(i + 1, d.citations().get(i).n());
        }
        Set<Integer> used = new TreeSet<>();
        Matcher m = MARKER.matcher(d.text());
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        Set<Integer> numbers = d.citations().stream().map(Citation::n).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(numbers, used, d.text());
        assertFalse(d.text().matches("(?s).*\\[(entity|ticket|article|report|sync|entities):.*"), "a tool ref was left: " + d.text());
    }

    private static Set<String> keys(OfflineAnswerer.Drafted d, String kind) {
        return d.citations().stream().filter(c -> c.kind().equals(kind)).map(Citation::key).collect(Collectors.toSet());
    }

    @Test
    void vmsOnAHostNamedByNameWithTheirBackupAndTheHostsTicketsAndRunbooks() {
        OfflineAnswerer.Drafted d = ask("Which VMs run on esx-ams-01?", "all");
        assertEquals(Set.of("esx-ams-01", "vm-ams-app-01", "vm-ams-db-02", "web01"), keys(d, "entity"));
        assertTrue(d.text().contains("runs 3 VMs"), d.text());
        assertTrue(d.text().contains("no backup record belongs to vm-ams-db-02"), d.text());
        assertEquals(Set.of("OPS-7"), keys(d, "ticket"));
        assertEquals(Set.of("Runbook: NFS stale file handle on ESXi"), keys(d, "article"));
    }

    @Test
    void vmsWithoutBackupOnAHostNamedByFqdn() {
        OfflineAnswerer.Drafted d = ask("Which VMs on esx-ams-01.example.com have no backup?", "inventory");
        List<String> expected = estate.withoutBackup(7).stream().filter(e -> e.site().equals("ams")).map(Entity::name).toList();
        Set<String> cited = keys(d, "entity");
        cited.remove("esx-ams-01");
        assertEquals(Set.copyOf(expected), cited);
        assertTrue(keys(d, "report").contains("vms-without-backup"));
        assertTrue(keys(d, "ticket").isEmpty(), "inventory scope cited knowledge: " + d.citations());
    }

    @Test
    void aMachineTheInventoryDoesNotKnowIsSaidNotAnsweredAboutTheWholeEstate() {
        OfflineAnswerer.Drafted d = ask("Which VMs on esx-ams-0003 have no backup?", "inventory");
        assertTrue(d.text().contains("Nothing named `esx-ams-0003` is in the inventory"), d.text());
        assertTrue(d.citations().isEmpty(), "no estate-wide report instead: " + d.text());
        OfflineAnswerer.Drafted ip = ask("What is 10.99.99.99?", "inventory");
        assertTrue(ip.text().contains("Nothing named `10.99.99.99`"), ip.text());
    }

    @Test
    void anIpIsRecognised() {
        OfflineAnswerer.Drafted d = ask("What is 10.1.1.4?", "all");
        assertTrue(keys(d, "entity").contains("vm-lon-web-03"), d.text());
        assertTrue(d.text().contains("fqdn: vm-lon-web-03.example.com (from demo-vc)"), d.text());
    }

    @Test
    void aSwitchsConfigurationTextIsNotPutIntoAnOfflineAnswer() {
        OfflineAnswerer.Drafted d = ask("What is sw-ams-01?", "inventory");
        assertTrue(keys(d, "entity").contains("sw-ams-01"), d.text());
        assertTrue(d.text().contains("device configuration"), d.text());
        assertFalse(d.text().contains("s3cr3t"), d.text());
    }

    @Test
    void anAmbiguousNameIsSaidAndEveryCandidateListed() {
        OfflineAnswerer.Drafted d = ask("When was web01 last backed up?", "all");
        assertTrue(d.text().contains("'web01' is ambiguous: 2 entities match"), d.text());
        assertEquals(Set.of(6L, 7L), d.citations().stream().filter(c -> c.kind().equals("entity")).map(Citation::id).collect(Collectors.toSet()));
    }

    @Test
    void countsAreExactAndFilteredByTypeAndSite() {
        long vms = estate.all().stream().filter(e -> e.type().equals("vm")).count();
        OfflineAnswerer.Drafted all = ask("How many VMs are there?", "all");
        assertTrue(all.text().contains(vms + " entities with type=vm [1]"), all.text());
        long lon = estate.all().stream().filter(e -> e.type().equals("vm") && e.site().equals("lon")).count();
        OfflineAnswerer.Drafted inLon = ask("How many VMs in lon?", "inventory");
        assertTrue(inLon.text().contains(lon + " entities with type=vm site=lon"), inLon.text());
        assertEquals("#/entities?type=vm&site=lon", inLon.citations().get(0).link());
        long hosts = estate.all().stream().filter(e -> e.type().equals("hypervisor")).count();
        assertTrue(ask("how many ESXi hosts do we have", "all").text().contains(hosts + " entities with type=hypervisor"));
    }

    @Test
    void syncStatusAndEstateWideBackupReport() {
        OfflineAnswerer.Drafted sync = ask("When did demo-jira last sync?", "all");
        assertEquals(Set.of("demo-jira"), keys(sync, "sync"));
        assertTrue(sync.text().contains("last run failed"), sync.text());
        OfflineAnswerer.Drafted backups = ask("Which VMs have no backup?", "all");
        assertTrue(backups.text().contains(estate.withoutBackup(7).size() + " VMs without a successful backup"), backups.text());
    }

    @Test
    void anInstanceNameIsNoIntent() {
        estate.instances.add(FakeEstate.instance("demo-wiki", "succeeded", java.time.Duration.ofHours(1)));
        OfflineAnswerer.Drafted d = ask("When did demo-wiki last sync?", "all");
        assertEquals(Set.of("demo-wiki"), keys(d, "sync"));
        assertEquals(1, d.citations().size(), d.text());
        assertTrue(estate.searches.isEmpty(), "searched the knowledge base for a sync question");
    }

    @Test
    void howDidWeFixOnAMachineAnswersFromItsTicketsAndRunbooksNotItsFacts() {
        OfflineAnswerer.Drafted d = ask("How did we fix the NFS problem on esx-ams-01?", "all");
        assertEquals(Set.of("OPS-7"), keys(d, "ticket"));
        assertEquals(Set.of("Runbook: NFS stale file handle on ESXi"), keys(d, "article"));
        assertTrue(d.toolCalls().stream().noneMatch(c -> c.startsWith("entity_detail")), d.toolCalls().toString());
        assertTrue(keys(d, "entity").isEmpty(), d.text());
    }

    @Test
    void aVmInANameIsNoQuestionAboutVms() {
        OfflineAnswerer.Drafted d = ask("Which tickets mention vm-ams-db-02 and esx-ams-01?", "all");
        assertTrue(d.toolCalls().stream().allMatch(c -> c.startsWith("entity_knowledge") || c.startsWith("search_knowledge")),
                d.toolCalls().toString());
        assertEquals(Set.of("OPS-7"), keys(d, "ticket"));
    }

    @Test
    void howDidWeFixSearchesResolvedTicketsAndQuotesPassages() {
        OfflineAnswerer.Drafted d = ask("How did we fix the NFS stale file handle problem?", "all");
        assertTrue(estate.searches.get(estate.searches.size() - 1).resolvedOnly());
        assertTrue(keys(d, "ticket").contains("OPS-7"), d.text());
        assertTrue(d.text().contains("\"Remounted the datastore after restarting the NFS export.\""), d.text());
        assertTrue(d.text().contains("resolved (Fixed), comment: \"Fixed: restarted the NFS export and remounted with esxcli.\""), d.text());
        OfflineAnswerer.Drafted inv = ask("How did we fix the NFS stale file handle problem?", "inventory");
        assertTrue(inv.citations().isEmpty());
        assertTrue(inv.text().contains(OfflineAnswerer.NOTHING), inv.text());
    }

    @Test
    void textAndCitationsAreStreamedAsTheyComeAndMatchTheAnswer() {
        StringBuilder streamed = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        OfflineAnswerer.Drafted d = answerer.answer("Which VMs run on esx-lon-01?", "all", new AnswerListener() {
            @Override
            public void onText(String delta) {
                streamed.append(delta);
            }

            @Override
            public void onCitation(Citation citation) {
                citations.add(citation);
            }
        });
        assertEquals(d.text(), streamed.toString());
        assertEquals(d.citations(), citations);
        assertTrue(d.toolCalls().stream().anyMatch(c -> c.startsWith("vms_on_host")), d.toolCalls().toString());
    }

    @Test
    void namesAreRecognisedOnAnyEstateNotByDemoPatterns() {
        assertEquals(List.of("db-prod_7", "10.2.3.4", "host.corp.local"),
                Recognizer.candidates("is db-prod_7 at 10.2.3.4 or host.corp.local? what about OPS-12 and the 7 days"));
    }
}

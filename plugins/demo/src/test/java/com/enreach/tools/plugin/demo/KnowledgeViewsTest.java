package com.enreach.tools.plugin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** The demo wiki and Jira: about the estate's real machines, deterministic, structured, and incremental across runs. */
class KnowledgeViewsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:34:56Z");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]");

    private static Map<String, Object> cfg(String view, String size, String churn) {
        return Map.of("view", view, "size", size, "seed", "42", "churn.percent", churn);
    }

    private static CollectingSink run(Map<String, Object> cfg, Instant now, TestContext ctx) throws Exception {
        CollectingSink sink = new CollectingSink();
        new DemoConnector(cfg, Clock.fixed(now, ZoneOffset.UTC)).fetch(ctx, sink);
        return sink;
    }

    private static CollectingSink run(Map<String, Object> cfg) throws Exception {
        return run(cfg, NOW, new TestContext("demo-kb"));
    }

    /** Names, FQDNs and addresses of every device of the same estate, as the "all" view emits them. */
    private static Set<String> estateNames(String size) throws Exception {
        CollectingSink all = run(Map.of("view", "all", "size", size, "seed", "42", "churn.percent", "0"));
        Set<String> names = new HashSet<>();
        for (DeviceRecord d : all.devices.values()) {
            names.add(d.name());
            if (d.hostname() != null) {
                names.add(d.hostname());
            }
            for (IpAddressRecord ip : d.ipAddresses()) {
                names.add(ip.address().replaceAll("/.*", ""));
            }
        }
        return names;
    }

    private static boolean mentionsOneOf(String text, Set<String> names) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (names.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static String text(TicketRecord t) {
        return t.summary() + "\n" + t.description() + "\n" + t.comments().stream().map(TicketRecord.Comment::body).collect(Collectors.joining("\n"));
    }

    @Test
    void everyTicketAndPageNamesMachinesOfTheEstate() throws Exception {
        for (String size : new String[] {"2000", "40"}) {
            Set<String> names = estateNames(size);
            CollectingSink jira = run(cfg("jira", size, "1"));
            CollectingSink wiki = run(cfg("confluence", size, "1"));
            assertFalse(jira.tickets.isEmpty());
            assertFalse(wiki.articles.isEmpty());
            for (TicketRecord t : jira.tickets.values()) {
                assertTrue(mentionsOneOf(text(t), names), "size " + size + ": " + t.key() + " names no machine of the estate: " + t.summary());
            }
            for (ArticleRecord a : wiki.articles.values()) {
                assertTrue(mentionsOneOf(a.bodyHtml(), names), "size " + size + ": page " + a.title() + " names no machine of the estate");
            }
        }
    }

    @Test
    void theEstatesAnomaliesHaveTheirTickets() throws Exception {
        CollectingSink jira = run(cfg("jira", "3000", "1"));
        CollectingSink oxidized = run(cfg("oxidized", "3000", "0"));
        Set<String> neverBackedUp = oxidized.devices.values().stream().filter(d -> "no_connection".equals(d.metadata().get("last_status")))
                .map(DeviceRecord::name).collect(Collectors.toSet());
        List<TicketRecord> oxidizedTickets = jira.tickets.values().stream().filter(t -> t.summary().startsWith("Oxidized cannot back up")).toList();
        assertFalse(oxidizedTickets.isEmpty());
        for (TicketRecord t : oxidizedTickets) {
            assertTrue(neverBackedUp.stream().anyMatch(t.summary()::contains), "about a switch Oxidized really cannot reach: " + t.summary());
        }
        CollectingSink foreman = run(cfg("foreman", "3000", "0"));
        Set<String> warning = foreman.devices.values().stream().filter(d -> "Warning".equals(d.metadata().get("global_status")))
                .map(DeviceRecord::name).collect(Collectors.toSet());
        List<TicketRecord> puppetTickets = jira.tickets.values().stream().filter(t -> t.summary().startsWith("Puppet agent on ")).toList();
        assertFalse(puppetTickets.isEmpty());
        for (TicketRecord t : puppetTickets) {
            String fqdn = t.description().substring(t.description().indexOf('(') + 1, t.description().indexOf(')'));
            assertTrue(warning.contains(fqdn), "about a host Foreman shows out of sync: " + fqdn);
        }
    }

    @Test
    void backupFailureTicketsNameTheFailedJobOfTheirVm() throws Exception {
        CollectingSink jira = run(cfg("jira", "3000", "1"));
        CollectingSink commvault = run(cfg("commvault", "3000", "0"));
        Map<String, String> failedJobByVm = new HashMap<>();
        commvault.backups.values().stream().filter(b -> b.vmName() != null && "Failed".equals(b.lastJob().status()))
                .forEach(b -> failedJobByVm.put(b.vmName(), b.lastJob().jobId()));
        Pattern summary = Pattern.compile("Backup of (\\S+) failed \\(Commvault job (\\d+)\\)");
        int seen = 0;
        for (TicketRecord t : jira.tickets.values()) {
            Matcher m = summary.matcher(t.summary());
            if (m.matches()) {
                seen++;
                assertEquals(failedJobByVm.get(m.group(1)), m.group(2), t.key() + ": the job Commvault shows as the VM's failed last job");
            }
        }
        assertTrue(seen > 0, "there are backup failure tickets");
    }

    @Test
    void wikiAndJiraLinkToEachOther() throws Exception {
        CollectingSink jira = run(cfg("jira", "3000", "1"));
        CollectingSink wiki = run(cfg("confluence", "3000", "1"));
        Set<String> pageUrls = wiki.articles.values().stream().map(ArticleRecord::url).collect(Collectors.toSet());
        Set<String> ticketUrls = jira.tickets.values().stream().map(TicketRecord::url).collect(Collectors.toSet());
        Pattern link = Pattern.compile("https://(wiki|jira)\\.demo\\.example/[A-Za-z0-9%+./_-]*[A-Za-z0-9]");
        int toWiki = 0;
        for (TicketRecord t : jira.tickets.values()) {
            Matcher m = link.matcher(text(t));
            while (m.find()) {
                toWiki++;
                assertTrue(pageUrls.contains(m.group()), t.key() + " links a page the wiki has: " + m.group());
            }
        }
        int toJira = 0;
        for (ArticleRecord a : wiki.articles.values()) {
            Matcher m = link.matcher(a.bodyHtml());
            while (m.find()) {
                toJira++;
                assertTrue(ticketUrls.contains(m.group()), a.title() + " links a ticket Jira has: " + m.group());
            }
        }
        assertTrue(toWiki > 0 && toJira > 0, toWiki + " links to the wiki, " + toJira + " to Jira");
    }

    @Test
    void sameSettingsSameContent() throws Exception {
        CollectingSink a = run(cfg("jira", "1000", "1"));
        CollectingSink b = run(cfg("jira", "1000", "1"));
        assertEquals(a.tickets.keySet(), b.tickets.keySet());
        for (TicketRecord t : a.tickets.values()) {
            TicketRecord u = b.tickets.get(t.sourceId());
            assertEquals(text(t), text(u));
            assertEquals(List.of(t.key(), t.status(), t.revision(), String.valueOf(t.assignee())),
                    List.of(u.key(), u.status(), u.revision(), String.valueOf(u.assignee())));
        }
        CollectingSink w1 = run(cfg("confluence", "1000", "1"));
        CollectingSink w2 = run(cfg("confluence", "1000", "1"));
        assertEquals(w1.articles.keySet(), w2.articles.keySet());
        w1.articles.values().forEach(x -> assertEquals(x.bodyHtml(), w2.articles.get(x.sourceId()).bodyHtml(), x.title()));
        CollectingSink other = run(Map.of("view", "jira", "size", "1000", "seed", "7"));
        assertFalse(text(other.tickets.values().iterator().next()).equals(text(a.tickets.values().iterator().next())), "another seed, other tickets");
    }

    @Test
    void pagesAreStructuredAndFormATree() throws Exception {
        CollectingSink wiki = run(cfg("confluence", "3000", "1"));
        Map<String, ArticleRecord> byId = wiki.articles;
        int withCode = 0;
        int withTable = 0;
        for (ArticleRecord a : byId.values()) {
            assertTrue(a.bodyHtml().contains("<h1>"), a.title());
            withCode += a.bodyHtml().contains("<pre><code") ? 1 : 0;
            withTable += a.bodyHtml().contains("<table>") ? 1 : 0;
            assertTrue(a.url().startsWith("https://wiki.demo.example/spaces/" + a.spaceKey() + "/pages/" + a.sourceId() + "/"), a.url());
            assertNotNull(a.version());
            assertNotNull(a.lastUpdated());
            assertTrue(a.lastUpdated().isBefore(NOW), a.title());
            assertNotNull(a.author());
            assertFalse(a.labels().isEmpty());
            if (a.parentId() == null) {
                assertTrue(a.ancestors().isEmpty(), a.title());
            } else {
                ArticleRecord parent = byId.get(a.parentId());
                assertNotNull(parent, "the parent of " + a.title() + " is a page of the wiki");
                List<String> expected = new java.util.ArrayList<>(parent.ancestors());
                expected.add(parent.title());
                assertEquals(expected, a.ancestors(), a.title());
            }
        }
        assertTrue(withCode > byId.size() / 3, "code blocks in " + withCode + " of " + byId.size());
        assertTrue(withTable > byId.size() / 3, "tables in " + withTable + " of " + byId.size());
        assertEquals(Set.of("OPS", "INFRA"), byId.values().stream().map(ArticleRecord::spaceKey).collect(Collectors.toSet()));
        ArticleRecord runbook = byId.values().stream().filter(a -> a.title().equals("Runbook: NFS stale file handle on ESXi")).findFirst().orElseThrow();
        assertTrue(runbook.bodyHtml().contains("esxcli storage nfs"), "the runbook says how to fix it");
        assertTrue(byId.values().stream().anyMatch(a -> a.title().startsWith("Post-mortem ") && a.bodyHtml().contains("https://jira.demo.example/browse/")),
                "post-mortems link their incident");
    }

    @Test
    void ticketsHaveALifecycle() throws Exception {
        CollectingSink jira = run(cfg("jira", "3000", "1"));
        Set<String> keys = new HashSet<>();
        Map<String, Integer> statuses = new HashMap<>();
        for (TicketRecord t : jira.tickets.values()) {
            assertTrue(keys.add(t.key()), "unique key " + t.key());
            assertEquals("https://jira.demo.example/browse/" + t.key(), t.url());
            assertTrue(t.key().startsWith(t.project() + "-"), t.key());
            statuses.merge(t.status(), 1, Integer::sum);
            assertFalse(t.updated().isBefore(t.created()), t.key());
            assertFalse(t.updated().isAfter(NOW), t.key());
            assertNotNull(t.priority());
            assertNotNull(t.reporter());
            assertFalse(t.components().isEmpty(), t.key());
            if ("done".equals(t.statusCategory())) {
                assertNotNull(t.resolution(), t.key());
                assertNotNull(t.resolutionDate(), t.key() + " resolved without a resolution date");
                assertFalse(t.resolutionDate().isBefore(t.created()), t.key());
                assertFalse(t.resolutionDate().isAfter(t.updated()), t.key());
                assertFalse(t.comments().isEmpty(), t.key() + ": resolved tickets say how");
            } else {
                assertNull(t.resolution(), t.key());
                assertNull(t.resolutionDate(), t.key());
            }
            for (int c = 1; c < t.comments().size(); c++) {
                assertTrue(t.comments().get(c).created().isAfter(t.comments().get(c - 1).created()), t.key());
            }
        }
        assertEquals(Set.of("Open", "In Progress", "Resolved", "Closed"), statuses.keySet(), statuses.toString());
        Set<String> projects = jira.tickets.values().stream().map(TicketRecord::project).collect(Collectors.toSet());
        assertEquals(Set.of("OPS", "NET", "STOR"), projects);
        Set<String> types = jira.tickets.values().stream().map(TicketRecord::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("Incident", "Change", "Problem")), types.toString());
    }

    /** The revisions a run stored, as the core would hand them back to the next run. */
    private static TestContext after(CollectingSink previous, TestContext before) {
        TestContext next = new TestContext("demo-kb", previous.state, 1);
        Map<String, String> tickets = new HashMap<>(before.revisions.getOrDefault(EntityKinds.TICKET, Map.of()));
        previous.tickets.values().forEach(t -> tickets.put(t.sourceId(), t.revision()));
        Map<String, String> articles = new HashMap<>(before.revisions.getOrDefault(EntityKinds.ARTICLE, Map.of()));
        previous.articles.values().forEach(a -> articles.put(a.sourceId(), a.revision()));
        next.revisions.put(EntityKinds.TICKET, tickets);
        next.revisions.put(EntityKinds.ARTICLE, articles);
        return next;
    }

    @Test
    void aSecondRunReportsWhatDidNotChangeAsUnchanged() throws Exception {
        for (String view : new String[] {"jira", "confluence"}) {
            TestContext first = new TestContext("demo-kb");
            CollectingSink one = run(cfg(view, "2000", "1"), NOW, first);
            int emitted = one.tickets.size() + one.articles.size();
            CollectingSink two = run(cfg(view, "2000", "1"), NOW.plus(Duration.ofMinutes(20)), after(one, first));
            assertEquals(0, two.tickets.size() + two.articles.size(), view + ": nothing moved within the hour");
            assertEquals(emitted, two.unchanged.size(), view);
            String kind = view.equals("jira") ? EntityKinds.TICKET : EntityKinds.ARTICLE;
            assertTrue(two.unchanged.stream().allMatch(u -> u.startsWith(kind + ":")), view);
        }
    }

    @Test
    void churnMovesTicketsAndEditsPagesAsTimeGoesBy() throws Exception {
        TestContext first = new TestContext("demo-kb");
        CollectingSink one = run(cfg("jira", "2000", "2"), NOW, first);
        TestContext second = after(one, first);
        CollectingSink two = run(cfg("jira", "2000", "2"), NOW.plus(Duration.ofDays(1)), second);
        long updated = two.tickets.keySet().stream().filter(one.tickets::containsKey).count();
        long created = two.tickets.keySet().stream().filter(id -> !one.tickets.containsKey(id)).count();
        assertTrue(updated > 0, "open tickets progressed");
        assertTrue(created > 0, "new tickets came in");
        assertFalse(two.unchanged.isEmpty(), "most tickets stay as they were");
        for (TicketRecord t : two.tickets.values()) {
            String before = second.revisions.get(EntityKinds.TICKET).get(t.sourceId());
            assertFalse(t.revision().equals(before), t.key() + " emitted again without a change");
            assertTrue(t.updated().isAfter(NOW.minus(Duration.ofHours(1))), t.key() + " changed after the first run");
        }
        assertEquals(one.tickets.size() + created, two.tickets.size() + two.unchanged.size(), "every ticket is accounted for");
        assertTrue(two.state.startsWith("generation=2;anchor="), two.state);
        assertEquals(one.state.substring(one.state.indexOf(';')), two.state.substring(two.state.indexOf(';')), "the anchor is kept");

        TestContext wikiFirst = new TestContext("demo-kb");
        CollectingSink w1 = run(cfg("confluence", "2000", "5"), NOW, wikiFirst);
        CollectingSink w2 = run(cfg("confluence", "2000", "5"), NOW.plus(Duration.ofDays(1)), after(w1, wikiFirst));
        assertFalse(w2.articles.isEmpty(), "pages were edited");
        for (ArticleRecord a : w2.articles.values()) {
            assertTrue(a.version() > w1.articles.get(a.sourceId()).version(), a.title());
            assertTrue(a.bodyHtml().contains("<h2>Updates</h2>"), a.title());
        }
        assertEquals(w1.articles.size(), w2.articles.size() + w2.unchanged.size());
    }

    @Test
    void withoutChurnTheKnowledgeBaseStandsStill() throws Exception {
        TestContext first = new TestContext("demo-kb");
        CollectingSink one = run(cfg("jira", "1000", "0"), NOW, first);
        CollectingSink two = run(cfg("jira", "1000", "0"), NOW.plus(Duration.ofDays(30)), after(one, first));
        assertTrue(two.tickets.isEmpty());
        assertEquals(one.tickets.size(), two.unchanged.size());
    }

    @Test
    void moreArticlesAreMorePostMortemsEachAboutAnotherIncident() throws Exception {
        CollectingSink few = run(cfg("confluence", "1000", "1"));
        CollectingSink many = run(Map.of("view", "confluence", "size", "1000", "seed", "42", "kb.articles", "400"));
        assertTrue(many.articles.size() > few.articles.size());
        List<String> titles = many.articles.values().stream().map(ArticleRecord::title).filter(t -> t.startsWith("Post-mortem ")).toList();
        assertEquals(titles.size(), new HashSet<>(titles).size(), "no incident gets two post-mortems");
        assertTrue(many.articles.size() <= 400);
    }

    @Test
    void eachInstanceDeclaresTheKindsItEmits() throws Exception {
        assertEquals(Set.of(EntityKinds.TICKET), new DemoConnector(cfg("jira", "100", "1")).descriptor().entityKinds());
        assertEquals(Set.of(EntityKinds.ARTICLE), new DemoConnector(cfg("confluence", "100", "1")).descriptor().entityKinds());
        Set<String> vcenter = new DemoConnector(cfg("vcenter", "100", "1")).descriptor().entityKinds();
        assertTrue(vcenter.contains(EntityKinds.DEVICE) && !vcenter.contains(EntityKinds.ARTICLE) && !vcenter.contains(EntityKinds.TICKET), vcenter.toString());
        CollectingSink jira = run(cfg("jira", "100", "1"));
        assertTrue(jira.devices.isEmpty() && jira.articles.isEmpty() && !jira.tickets.isEmpty());
        assertTrue(new DemoConnector(cfg("jira", "100", "1")).checkConnection(new TestContext("demo-kb")).detail().startsWith("demo Jira of 500 tickets"));
    }

    @Test
    void kbSettingsAreValidatedPerField() {
        DemoConnector c = new DemoConnector(Map.of("view", "jira", "kb.tickets", "many", "kb.articles", "0"));
        assertEquals(Set.of("kb.tickets", "kb.articles"), c.validate().stream().map(e -> e.field()).collect(Collectors.toSet()));
    }
}

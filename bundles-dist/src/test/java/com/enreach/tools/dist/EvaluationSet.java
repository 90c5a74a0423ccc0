package com.enreach.tools.dist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The labelled questions over the demo estate and the demo knowledge base. Which machines, tickets and articles they
 * name, and what a correct answer must cite and state, are read from the REST API of the running platform (never
 * written down), so the set holds for any seed and size of the demo.
 * <p>
 * A source is named {@code entity:<id>}, {@code entities:<filter>} (a count or list), {@code ticket:<key>},
 * {@code article:<id>}, {@code report:<name>} or {@code sync:<instance>}.
 */
final class EvaluationSet {
    /**
     * One question: what a correct answer must cite ({@code expected}), what it may cite besides without being wrong
     * ({@code allowed}: the other VMs of a report, the tickets and runbooks about the machine asked about, its host),
     * and for inventory questions the exact facts it must state.
     */
    record Case(String category, String question, Set<String> expected, Set<String> allowed, String exactWhat, Predicate<Answer> exact) {
        boolean inventory() {
            return exact != null;
        }
    }

    /** What the assistant answered: its text and the sources it cited. */
    record Answer(String text, Set<String> cited, boolean extractive, String error) {
        /** The entities cited (ids), the entity sets and reports left out. */
        Set<Long> entities() {
            Set<Long> ids = new LinkedHashSet<>();
            cited.stream().filter(c -> c.startsWith("entity:")).forEach(c -> ids.add(Long.parseLong(c.substring(7))));
            return ids;
        }
    }

    static String key(JsonNode citation) {
        String kind = citation.path("kind").asText();
        long id = citation.path("id").asLong();
        return switch (kind) {
            case "entity" -> id == 0 ? "entities:" + citation.path("key").asText() : "entity:" + id;
            case "article" -> "article:" + id;
            default -> kind + ":" + citation.path("key").asText();
        };
    }

    private final Distribution dist;
    private final List<Case> cases = new ArrayList<>();

    EvaluationSet(Distribution dist) {
        this.dist = dist;
    }

    private JsonNode get(String path) {
        JsonNode n = dist.get(path);
        if (n.isMissingNode()) {
            throw new AssertionError("GET " + path + " did not answer 200");
        }
        return n;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    List<Case> build(List<String> instances) {
        JsonNode hosts = get("/api/entities?type=hypervisor&sort=name&limit=1000").path("results");
        Map<Long, Set<Long>> guests = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        for (JsonNode h : hosts) {
            long id = h.path("id").asLong();
            names.put(id, h.path("name").asText());
            Set<Long> vms = new LinkedHashSet<>();
            for (JsonNode r : get("/api/entities/" + id).path("relationships")) {
                if ("runs_on".equals(r.path("type").asText()) && "in".equals(r.path("direction").asText())) {
                    vms.add(r.path("entity_id").asLong());
                }
            }
            if (!vms.isEmpty()) {
                guests.put(id, vms);
            }
        }
        Set<Long> noBackup = reportEntities("vms-without-backup");
        long noBackupTotal = get("/api/reports/vms-without-backup?limit=1").path("total").asLong();
        List<Long> hostIds = new ArrayList<>(guests.keySet());
        if (hostIds.size() < 3) {
            throw new AssertionError("the demo estate has fewer than 3 hosts with VMs: " + guests);
        }
        // VMs on a host: three hosts spread over the list
        for (int i = 0; i < 3; i++) {
            long h = hostIds.get(i * (hostIds.size() - 1) / 2);
            Set<Long> vms = guests.get(h);
            Set<String> expected = new LinkedHashSet<>();
            expected.add("entity:" + h);
            vms.forEach(v -> expected.add("entity:" + v));
            add("vms on host", (i == 1 ? "Which VMs run on " : i == 2 ? "List the virtual machines on " : "What VMs are on ") + names.get(h) + "?",
                    expected, around(h), "the " + vms.size() + " VMs of the host, no other", a -> entitiesBut(a, h).equals(vms));
        }
        // VMs without backup on a host: the hosts with most such VMs first, then one with none
        List<Long> byMissing = new ArrayList<>(hostIds);
        byMissing.sort((x, y) -> Long.compare(missing(guests.get(y), noBackup), missing(guests.get(x), noBackup)));
        List<Long> picked = new ArrayList<>(byMissing.subList(0, 3));
        byMissing.stream().filter(h -> missing(guests.get(h), noBackup) == 0).findFirst().ifPresent(picked::add);
        for (long h : picked) {
            Set<Long> missing = new LinkedHashSet<>(guests.get(h));
            missing.retainAll(noBackup);
            Set<String> expected = new LinkedHashSet<>(List.of("entity:" + h, "report:vms-without-backup"));
            missing.forEach(v -> expected.add("entity:" + v));
            add("no backup on host", "Which VMs on " + names.get(h) + " have no backup?", expected,
                    "exactly the " + missing.size() + " VMs of the host in vms-without-backup", a -> entitiesBut(a, h).equals(missing));
        }
        Set<String> reported = new LinkedHashSet<>();
        noBackup.forEach(v -> reported.add("entity:" + v));
        add("no backup estate-wide", "Which VMs have no backup?", Set.of("report:vms-without-backup"), reported,
                noBackupTotal + " VMs without a successful backup", a -> a.text().contains(noBackupTotal + " VMs without a successful backup"));
        // counts by type and site
        Set<String> sites = new java.util.TreeSet<>();
        get("/api/entities?type=vm&limit=1000").path("results").forEach(e -> {
            if (!e.path("site").isNull()) {
                sites.add(e.path("site").asText());
            }
        });
        if (sites.isEmpty()) {
            throw new AssertionError("no VM of the demo estate has a site");
        }
        for (String site : sites) {
            count("How many VMs are there in " + site + "?", "type=vm&site=" + site);
        }
        count("How many VMs do we have?", "type=vm");
        count("How many ESXi hosts are there?", "type=hypervisor");
        String firstSite = sites.iterator().next();
        count("How many hosts are in " + firstSite + "?", "type=hypervisor&site=" + firstSite);
        // sync status
        for (String instance : instances) {
            add("sync status", "When did " + instance + " last sync?", Set.of("sync:" + instance), "its sync status",
                    a -> a.cited().contains("sync:" + instance));
        }
        Set<String> allSyncs = new LinkedHashSet<>();
        JsonNode sources = get("/api/sources");
        for (JsonNode s : sources.isArray() ? sources : sources.path("results")) {
            allSyncs.add("sync:" + s.path("instance").asText());
        }
        add("sync status", "What is the sync status of the sources?", allSyncs, "every instance", a -> a.cited().containsAll(allSyncs));
        // entity facts, by name, IP and FQDN; an ambiguous name; last backup
        JsonNode vms = get("/api/entities?type=vm&sort=name&limit=1000").path("results");
        List<JsonNode> plain = new ArrayList<>();
        vms.forEach(v -> {
            if (!v.path("name").asText().startsWith("web")) {
                plain.add(v);
            }
        });
        JsonNode byName = plain.get(plain.size() / 3);
        add("entity facts", "What do we know about " + byName.path("name").asText() + "?", Set.of("entity:" + byName.path("id").asLong()),
                around(byName.path("id").asLong()), null, null);
        JsonNode byIp = plain.get(plain.size() / 2);
        String ip = get("/api/entities/" + byIp.path("id").asLong()).path("ip_addresses").get(0).path("address").asText();
        add("entity by IP", "Which machine has the address " + ip + "?", Set.of("entity:" + byIp.path("id").asLong()),
                around(byIp.path("id").asLong()), null, null);
        JsonNode byFqdn = plain.get(2 * plain.size() / 3);
        String fqdn = null;
        for (JsonNode g : get("/api/entities/" + byFqdn.path("id").asLong()).path("attributes")) {
            if ("fqdn".equals(g.path("attribute").asText())) {
                fqdn = g.path("value").asText();
            }
        }
        add("entity by FQDN", "Tell me about " + fqdn, Set.of("entity:" + byFqdn.path("id").asLong()), around(byFqdn.path("id").asLong()), null, null);
        Set<String> web = new LinkedHashSet<>();
        get("/api/entities/lookup?q=web01").path("candidates").forEach(c -> web.add("entity:" + c.path("id").asLong()));
        if (web.size() < 2) {
            throw new AssertionError("web01 is not ambiguous in this demo estate: " + web);
        }
        add("ambiguous name", "What is web01?", web, "every candidate named web01", a -> a.cited().containsAll(web) && a.text().contains("ambiguous"));
        JsonNode backedUp = plain.stream().filter(v -> !noBackup.contains(v.path("id").asLong())).findFirst().orElseThrow();
        add("last backup", "When was " + backedUp.path("name").asText() + " last backed up?", Set.of("entity:" + backedUp.path("id").asLong()),
                null, null);
        JsonNode notBackedUp = plain.stream().filter(v -> noBackup.contains(v.path("id").asLong())).findFirst().orElseThrow();
        add("last backup", "When was " + notBackedUp.path("name").asText() + " last backed up?",
                Set.of("entity:" + notBackedUp.path("id").asLong()), null, null);
        knowledge(hostIds, names);
        return cases;
    }

    private void knowledge(List<Long> hostIds, Map<Long, String> names) {
        // how did we fix: resolved tickets, spread over the list, asked by their summary
        JsonNode resolved = get("/api/kb/tickets?resolved=true&limit=1000").path("results");
        Set<String> asked = new java.util.HashSet<>();
        int n = resolved.size();
        for (int i = 0; i < n && asked.size() < 6; i += Math.max(1, n / 6)) {
            JsonNode t = resolved.get(i);
            String summary = t.path("summary").asText();
            if (asked.add(summary)) {
                add("how did we fix", "How did we fix \u201c" + summary + "\u201d?", Set.of("ticket:" + t.path("key").asText()), null, null);
            }
        }
        // runbooks, by the problem in their title
        Pattern runbook = Pattern.compile("(?i)runbook[:\\s-]*");
        int runbooks = 0;
        for (JsonNode a : get("/api/kb/articles?limit=1000").path("results")) {
            boolean isRunbook = false;
            for (JsonNode anc : a.path("ancestors")) {
                isRunbook |= anc.asText().toLowerCase().contains("runbook");
            }
            if (isRunbook && runbooks < 4) {
                runbooks++;
                String topic = runbook.matcher(a.path("title").asText()).replaceFirst("");
                add("runbook", "Is there a runbook for " + topic + "?", Set.of("article:" + a.path("id").asLong()), null, null);
            }
        }
        // the tickets and runbooks about a machine
        for (long h : hostIds) {
            JsonNode about = dist.get("/api/entities/" + h + "/knowledge?limit=5");
            JsonNode items = about.isArray() ? about : about.path("results");
            if (items.size() >= 2) {
                Set<String> expected = new LinkedHashSet<>();
                for (JsonNode c : items) {
                    expected.add("ticket".equals(c.path("content_type").asText()) ? "ticket:" + c.path("title").asText().split(" ")[0]
                            : "article:" + c.path("id").asLong());
                    if (expected.size() == 5) {
                        break;
                    }
                }
                add("tickets about a machine", "Which tickets and runbooks mention " + names.get(h) + "?", expected, null, null);
                break;
            }
        }
    }

    private static long missing(Set<Long> vms, Set<Long> noBackup) {
        return vms.stream().filter(noBackup::contains).count();
    }

    private static Set<Long> entitiesBut(Answer a, long host) {
        Set<Long> ids = a.entities();
        ids.remove(host);
        return ids;
    }

    private void count(String question, String filter) {
        long n = get("/api/entities?limit=1&" + filter).path("count").asLong();
        Pattern p = Pattern.compile("(?<![\\d,])" + n + " entit");
        add("count", question, Set.of("entities:" + filter), "the count " + n, a -> p.matcher(a.text()).find());
    }

    private Set<Long> reportEntities(String report) {
        Set<Long> ids = new LinkedHashSet<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode r = get("/api/reports/" + report + "?limit=1000&offset=" + offset);
            r.path("rows").forEach(row -> ids.add(row.path("entity_id").asLong()));
            if (r.path("rows").size() < 1000) {
                return ids;
            }
        }
    }

    private void add(String category, String question, Set<String> expected, String exactWhat, Predicate<Answer> exact) {
        add(category, question, expected, Set.of(), exactWhat, exact);
    }

    private void add(String category, String question, Set<String> expected, Set<String> allowed, String exactWhat, Predicate<Answer> exact) {
        cases.add(new Case(category, question, expected, allowed, exactWhat, exact));
    }

    /** The tickets and articles about an entity, and the entities related to it: fair to cite with it. */
    private Set<String> around(long entity) {
        Set<String> s = new LinkedHashSet<>();
        JsonNode about = dist.get("/api/entities/" + entity + "/knowledge?limit=50");
        for (JsonNode c : about.isArray() ? about : about.path("results")) {
            s.add("ticket".equals(c.path("content_type").asText()) ? "ticket:" + c.path("title").asText().split(" ")[0]
                    : "article:" + c.path("id").asLong());
        }
        get("/api/entities/" + entity).path("relationships").forEach(r -> s.add("entity:" + r.path("entity_id").asLong()));
        return s;
    }
}

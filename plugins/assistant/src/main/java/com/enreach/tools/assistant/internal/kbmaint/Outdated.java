package com.enreach.tools.assistant.internal.kbmaint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.KbAnalysis.KbFinding;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.assistant.internal.resolve.Texts;

/**
 * Outdated articles: not updated for {@code staleMonths} while tickets about the same thing keep coming (the tickets
 * of the groups whose closest article it is, created after its last update); or naming machines the inventory no
 * longer knows (host names, FQDNs and IPs shaped like the names the knowledge base already links to entities, looked
 * up once per run; post-mortems and incident reports are records of their day and are not checked).
 */
final class Outdated {
    /** Newer related tickets from which a stale article is outdated. */
    static final int MIN_NEWER = 2;
    static final int MAX_LOOKUPS_PER_ARTICLE = 50;

    private Outdated() {
    }

    static List<KbFinding> stale(Clusters clusters, int staleMonths, double relatedSimilarity, Instant now) {
        Instant cutoff = now.atZone(ZoneOffset.UTC).minusMonths(staleMonths).toInstant();
        Map<Long, List<Corpus.Tk>> related = new HashMap<>();
        Map<Long, Corpus.Doc> docs = new HashMap<>();
        for (Clusters.Group g : clusters.groups) {
            if (g.article != null && g.articleSimilarity >= relatedSimilarity) {
                related.computeIfAbsent(g.article.id(), k -> new ArrayList<>()).addAll(g.members);
                docs.put(g.article.id(), g.article);
            }
        }
        List<KbFinding> out = new ArrayList<>();
        related.forEach((id, tickets) -> {
            Corpus.Doc d = docs.get(id);
            if (d.record() || d.updated() == null || !d.updated().isBefore(cutoff)) {
                return;
            }
            List<Corpus.Tk> newer = tickets.stream().filter(t -> t.created() != null && t.created().isAfter(d.updated()))
                    .sorted(Comparator.comparing(Corpus.Tk::created).reversed()).toList();
            if (newer.size() < MIN_NEWER) {
                return;
            }
            List<Citation> evidence = new ArrayList<>(List.of(d.citation(1, "last updated " + d.updated())));
            newer.stream().limit(10).forEach(t -> evidence.add(t.citation(evidence.size() + 1, "created " + t.created())));
            out.add(new KbFinding("outdated", "Not updated for " + staleMonths + "+ months while tickets keep coming: " + d.title(),
                    "Last updated " + d.updated() + "; " + newer.size() + " related tickets were created since (the latest " + newer.get(0).key()
                            + " on " + newer.get(0).created() + ").",
                    "Review it against the fixes of the newer tickets and update it (or confirm it is still right)",
                    Math.round(Math.min(1.0, newer.size() / 10.0) * 1000) / 1000.0, evidence, null));
        });
        return out;
    }

    static List<KbFinding> unknownNames(Corpus corpus, EntityService entities) {
        Set<String> shapes = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> networks = new HashSet<>();
        for (Corpus.Doc d : corpus.articles) {
            for (EntityMention m : d.mentions()) {
                String x = m.mention().toLowerCase(Locale.ROOT);
                if (Texts.isIp(x)) {
                    networks.add(network(x));
                } else if (x.contains(".")) {
                    domains.add(x.substring(x.indexOf('.') + 1));
                } else {
                    shapes.add(shape(x));
                }
            }
        }
        Map<String, Boolean> known = new HashMap<>();
        List<KbFinding> out = new ArrayList<>();
        for (Corpus.Doc d : corpus.articles) {
            if (d.record()) {
                continue; // a post-mortem names the machines of its day: that they are gone since makes it no less true
            }
            Set<String> linked = new HashSet<>();
            d.mentions().forEach(m -> linked.add(m.mention().toLowerCase(Locale.ROOT)));
            List<String> missing = new ArrayList<>();
            int checked = 0;
            for (String name : Texts.machineNames(d.text())) {
                if (linked.contains(name) || checked >= MAX_LOOKUPS_PER_ARTICLE) {
                    continue;
                }
                boolean candidate = Texts.isIp(name) ? networks.contains(network(name))
                        : name.contains(".") ? domains.contains(name.substring(name.indexOf('.') + 1)) : shapes.contains(shape(name));
                if (!candidate) {
                    continue;
                }
                checked++;
                if (!known.computeIfAbsent(name, n -> !entities.lookup(n).candidates().isEmpty())) {
                    missing.add(name);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            int total = linked.size() + checked;
            out.add(new KbFinding("outdated", "Names machines the inventory does not have: " + d.title(),
                    "Mentions " + String.join(", ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? " and " + (missing.size() - 10)
                            + " more" : "") + ": shaped like the inventory's names, but no entity has them (" + missing.size() + " of "
                            + total + " machine names in it).",
                    "Check whether these machines were decommissioned or renamed, and update the article",
                    Math.round((double) missing.size() / Math.max(1, total) * 1000) / 1000.0,
                    List.of(d.citation(1, "mentions " + String.join(", ", missing.stream().limit(10).toList()))), null));
        }
        return out;
    }

    /**
     * {@code esx-ams-0003} → {@code esx-ams-#}: digit runs collapsed, so the names of one scheme share a shape (and
     * {@code vmk1} or {@code eno1} do not pass for a host because the KB links {@code web01}).
     */
    static String shape(String name) {
        return name.replaceAll("[0-9]+", "#");
    }

    private static String network(String ip) {
        String[] p = ip.split("\\.");
        return p[0] + "." + p[1];
    }
}

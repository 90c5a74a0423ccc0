package com.enreach.tools.assistant.internal.kbmaint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.KbAnalysis.KbFinding;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;

/**
 * Outdated articles by version: an article that names a product version (ESXi 7.0, Ubuntu 18.04, Windows Server 2012
 * R2, ONTAP 9.8...) that no active machine of the inventory runs any more, while the inventory does run that product
 * (other versions). The inventory's versions are read from the golden {@code os} value of the machines the search finds
 * for the product (and for the product with the version), so a product the inventory does not track says nothing.
 */
final class Versions {
    /** One product family: its display name, the words to search the inventory with, and how a version follows its name. */
    record Product(String name, List<String> searches, Pattern pattern) {
    }

    static final List<Product> PRODUCTS = List.of(
            product("VMware ESXi", "esxi", "\\bESXi\\s+(\\d+\\.\\d+(?:\\.\\d+)?)"),
            product("vCenter Server", "vcenter", "\\bvCenter(?:\\s+Server)?(?:\\s+Appliance)?\\s+(\\d+\\.\\d+(?:\\.\\d+)?)"),
            product("Ubuntu", "ubuntu", "\\bUbuntu(?:\\s+Linux)?(?:\\s+Server)?\\s+(\\d{2}\\.\\d{2})"),
            product("Debian", "debian", "\\bDebian(?:\\s+GNU/Linux)?\\s+(\\d{1,2})(?!\\.?\\d)(?![A-Za-z])"),
            product("Red Hat Enterprise Linux", "redhat|red hat|rhel",
                    "\\b(?:RHEL|Red\\s?Hat(?:\\s+Enterprise\\s+Linux)?(?:\\s+Server)?)\\s*(\\d{1,2}(?:\\.\\d{1,2})?)(?!\\.?\\d)(?![A-Za-z])"),
            product("CentOS", "centos", "\\bCentOS(?:\\s+Linux|\\s+Stream)?\\s+(\\d{1,2}(?:\\.\\d{1,2})?)(?!\\.?\\d)(?![A-Za-z])"),
            product("Windows Server", "windows", "\\bWindows\\s+Server\\s+(20\\d\\d(?:\\s+R2)?)\\b"),
            product("SUSE Linux Enterprise", "suse", "\\b(?:SLES|SUSE\\s+Linux\\s+Enterprise(?:\\s+Server)?)\\s*(\\d{2}(?:\\s*SP\\d)?)\\b"),
            product("ONTAP", "ontap", "\\bONTAP\\s+(\\d+\\.\\d+(?:\\.\\d+)?)"));

    /** Versions looked up per analysis at most (each a search and a few entity reads). */
    static final int MAX_LOOKUPS = 40;
    /** Machines read per search to learn what they run. */
    static final int SAMPLE = 25;

    private Versions() {
    }

    private static Product product(String name, String searches, String regex) {
        return new Product(name, List.of(searches.split("\\|")), Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** A product version named in a text. */
    record Mention(Product product, String version) {
        String label() {
            return product.name() + " " + version;
        }
    }

    /** The product versions a text names, each once, product by product (in the order of {@link #PRODUCTS}). */
    static List<Mention> mentions(String text) {
        Map<String, Mention> out = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        for (Product p : PRODUCTS) {
            Matcher m = p.pattern().matcher(text);
            while (m.find()) {
                Mention x = new Mention(p, normalise(m.group(1)));
                out.putIfAbsent(x.label(), x);
            }
        }
        return List.copyOf(out.values());
    }

    static String normalise(String version) {
        return version.replaceAll("\\s+", " ").trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a version the inventory runs is the one named: equal, or one more precise than the other at a dot
     * ({@code 8.0} names {@code 8.0.2}; {@code 9} names {@code 9.4}; {@code 7.0} does not name {@code 7.01}).
     */
    static boolean same(String named, String runs) {
        String a = normalise(named);
        String b = normalise(runs);
        return a.equals(b) || b.startsWith(a + ".") || a.startsWith(b + ".") || b.startsWith(a + " ") || a.startsWith(b + " ");
    }

    /** What the inventory runs, per product: answers through the entity service, cached for one analysis. */
    static final class Inventory {
        private final EntityService entities;
        private final Map<String, Set<String>> runs = new LinkedHashMap<>();
        private final Map<String, Boolean> present = new LinkedHashMap<>();
        private int lookups;

        Inventory(EntityService entities) {
            this.entities = entities;
        }

        /** Versions of the product seen on active machines (a sample); empty when the inventory does not run it. */
        Set<String> versions(Product p) {
            return runs.computeIfAbsent(p.name(), k -> {
                Set<String> all = new TreeSet<>();
                p.searches().forEach(q -> all.addAll(versionsOf(p, q)));
                return all;
            });
        }

        /** Whether some active machine runs this version; null when the lookup budget is spent (unknown). */
        Boolean runs(Mention m) {
            if (versions(m.product()).stream().anyMatch(v -> same(m.version(), v))) {
                return true;
            }
            Boolean known = present.get(m.label());
            if (known != null) {
                return known;
            }
            if (lookups >= MAX_LOOKUPS) {
                return null;
            }
            boolean yes = false;
            for (String q : m.product().searches()) {
                yes = yes || versionsOf(m.product(), q + " " + m.version()).stream().anyMatch(v -> same(m.version(), v));
            }
            present.put(m.label(), yes);
            return yes;
        }

        private Set<String> versionsOf(Product p, String q) {
            lookups++;
            Set<String> out = new TreeSet<>();
            for (var e : entities.find(new EntityQuery(q, null, null, "active", null, null, SAMPLE, 0)).results()) {
                EntityDetail d = entities.get(e.id()).orElse(null);
                if (d == null) {
                    continue;
                }
                for (GoldenValue g : d.attributes()) {
                    if ("os".equals(g.attribute()) && g.value() != null) {
                        mentions(g.value().toString()).stream().filter(x -> x.product().equals(p)).forEach(x -> out.add(x.version()));
                    }
                }
            }
            return out;
        }
    }

    static List<KbFinding> find(Corpus corpus, Inventory inventory) {
        List<KbFinding> out = new ArrayList<>();
        for (Corpus.Doc d : corpus.articles) {
            List<String> gone = new ArrayList<>();
            Set<String> running = new LinkedHashSet<>();
            for (Mention m : mentions(d.title() + "\n" + d.text())) {
                Set<String> now = inventory.versions(m.product());
                if (now.isEmpty()) {
                    continue; // the inventory does not run (or not record) this product: nothing to compare
                }
                if (Boolean.FALSE.equals(inventory.runs(m))) {
                    gone.add(m.label());
                    running.add(m.product().name() + " " + String.join(", ", now));
                }
            }
            if (gone.isEmpty()) {
                continue;
            }
            out.add(new KbFinding("outdated", "Names versions the inventory no longer runs: " + d.title(),
                    "Mentions " + String.join(", ", gone) + ", which no active machine runs; the inventory runs "
                            + String.join("; ", running) + " (from the machines' golden OS values).",
                    "Check whether the article still applies to the versions in use, and update it or mark it historical",
                    Math.min(1.0, 0.5 + 0.1 * gone.size()),
                    List.of(d.citation(1, "mentions " + String.join(", ", gone))), null));
        }
        return out;
    }
}

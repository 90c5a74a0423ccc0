package com.enreach.tools.assistant.internal.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.assistant.internal.AssistantContext;

/**
 * What a question is about: the entities it names (by name, FQDN or IP, looked up in the inventory, so it works on
 * any estate), the names that match several entities, an entity type, a site, a source instance, and simple intents.
 */
final class Recognizer {
    private static final Pattern IP = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern FQDN = Pattern.compile("^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_LIKE = Pattern.compile("^(?=.*[a-z])(?=.*[0-9_-])[a-z0-9_.-]{3,}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MACHINE_LIKE = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$"
            + "|^(?=.*[a-z])(?=.*[0-9])(?=.*[.-])[a-z0-9_.-]{3,}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TICKET_KEY = Pattern.compile("^[A-Z][A-Z0-9]+-\\d+$");
    private static final Pattern QUOTED = Pattern.compile("[\"“'`]([^\"”'`]{2,80})[\"”'`]");
    private static final Pattern SITE = Pattern.compile("\\b(?:in|at|site|of)\\s+(?:the\\s+)?(?:site\\s+)?([a-z0-9_-]{2,20})\\b");
    private static final Map<Pattern, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(Pattern.compile("\\b(vms?|virtual machines?|guests?)\\b"), "vm");
        TYPES.put(Pattern.compile("\\b(esxi hosts?|esxi|hypervisors?|hosts?)\\b"), "hypervisor");
        TYPES.put(Pattern.compile("\\b(bare[- ]metal( servers?)?|physical servers?|servers?)\\b"), "server");
        TYPES.put(Pattern.compile("\\b(switch(es)?|network devices?)\\b"), "network_device");
        TYPES.put(Pattern.compile("\\b(storage arrays?|arrays?|storage systems?)\\b"), "storage");
        TYPES.put(Pattern.compile("\\bclusters?\\b"), "cluster");
    }

    enum Intent { COUNT, LIST, VMS, NO_BACKUP, LAST_BACKUP, SYNC, KNOWLEDGE, RESOLVED }

    private static final Map<Intent, Pattern> INTENTS = Map.of(
            Intent.COUNT, Pattern.compile("\\bhow many\\b|\\bcount\\b|\\bnumber of\\b"),
            Intent.LIST, Pattern.compile("\\bwhich\\b|\\blist\\b|\\bshow\\b|\\bwhat (are|vms|hosts|servers)\\b"),
            Intent.VMS, Pattern.compile("\\bvms?\\b|\\bvirtual machines?\\b|\\bguests?\\b"),
            Intent.NO_BACKUP, Pattern.compile("\\b(no|without|missing|lacking)\\s+(a\\s+|any\\s+)?(successful\\s+|recent\\s+)?backups?\\b"
                    + "|\\bnot (been )?backed up\\b|\\bbackups? (is |are )?missing\\b|\\bunprotected\\b"),
            Intent.LAST_BACKUP, Pattern.compile("\\b(last|latest|most recent|newest)\\s+(successful\\s+)?backup|\\bbacked up\\b|\\bbackup status\\b"),
            Intent.SYNC, Pattern.compile("\\bsync|\\bsynchroni[sz]|\\blast run\\b|\\bup to date\\b"),
            Intent.KNOWLEDGE, Pattern.compile("\\btickets?\\b|\\brunbooks?\\b|\\barticles?\\b|\\bhow (did|do|to|can|should)\\b|\\bfix|\\bresolv"
                    + "|\\bincidents?\\b|\\bproblems?\\b|\\berrors?\\b|\\bfail|\\bwhy\\b|\\bwiki\\b|\\bpost-?mortems?\\b|\\bissues?\\b|\\bknown\\b"),
            Intent.RESOLVED, Pattern.compile("how did we (fix|solve|resolve)|\\bfixed\\b|\\bresolved\\b|\\bsolution\\b"));

    /** A name that matches several entities. */
    record Ambiguous(String name, List<Entity> candidates) {
    }

    /**
     * @param unknown names that look like a machine's (an IP, or letters with digits and a dash or dot) and match no
     *                entity: the answer says so instead of answering about the whole estate
     */
    record Understood(List<Entity> entities, List<Ambiguous> ambiguous, List<String> unknown, Set<Intent> intents,
                      String type, String site, String instance, String status) {
        boolean has(Intent i) {
            return intents.contains(i);
        }
    }

    private final AssistantContext context;

    Recognizer(AssistantContext context) {
        this.context = context;
    }

    Understood understand(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        Set<String> instances = instanceNames();
        String instance = instances.stream().filter(i -> Pattern.compile("(?<![\\w.-])" + Pattern.quote(i) + "(?![\\w-])").matcher(lower).find())
                .findFirst().orElse(null);
        // names say nothing about intent ("demo-wiki" asks nothing about the wiki, "vm-ams-01" is no question about VMs)
        String words = instance == null ? lower : lower.replace(instance, " ");
        for (String token : candidates(question)) {
            words = words.replace(token.toLowerCase(Locale.ROOT), " ");
        }
        Set<Intent> intents = new LinkedHashSet<>();
        for (Map.Entry<Intent, Pattern> e : INTENTS.entrySet()) {
            if (e.getValue().matcher(words).find()) {
                intents.add(e.getKey());
            }
        }
        Map<Long, Entity> found = new LinkedHashMap<>();
        List<Ambiguous> ambiguous = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String token : candidates(question)) {
            if (instances.contains(token.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<Entity> c = context.entities().lookup(token).candidates();
            if (c.size() == 1) {
                found.putIfAbsent(c.get(0).id(), c.get(0));
            } else if (c.size() > 1 && ambiguous.stream().noneMatch(a -> a.name().equalsIgnoreCase(token))) {
                ambiguous.add(new Ambiguous(token, c));
            } else if (c.isEmpty() && MACHINE_LIKE.matcher(token).matches()) {
                unknown.add(token);
            }
        }
        String status = lower.matches(".*\\bstale\\b.*") ? "stale" : null;
        return new Understood(new ArrayList<>(found.values()), ambiguous, unknown, intents, type(lower), site(lower), instance, status);
    }

    /** The words that could name an entity: IPs, FQDNs, names with a digit, dash or underscore, quoted text. */
    static List<String> candidates(String question) {
        Set<String> out = new LinkedHashSet<>();
        Matcher q = QUOTED.matcher(question);
        while (q.find()) {
            out.add(q.group(1).trim());
        }
        for (String raw : question.split("[\\s,;()\\[\\]{}<>!?\"“”`]+")) {
            String t = raw.replaceAll("^['‘’.:]+|['‘’.:]+$", "");
            if (t.endsWith("'s")) {
                t = t.substring(0, t.length() - 2);
            }
            if (t.length() < 3 || TICKET_KEY.matcher(t).matches()) {
                continue;
            }
            if (IP.matcher(t).matches() || FQDN.matcher(t).matches() || NAME_LIKE.matcher(t).matches()) {
                out.add(t);
            }
        }
        return new ArrayList<>(out);
    }

    /** The earliest type word of the question. */
    static String type(String lower) {
        String type = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<Pattern, String> e : TYPES.entrySet()) {
            Matcher m = e.getKey().matcher(lower);
            if (m.find() && m.start() < at) {
                at = m.start();
                type = e.getValue();
            }
        }
        return type;
    }

    /** A site named after "in", "at" or "site", when some entity has that site. */
    private String site(String lower) {
        Matcher m = SITE.matcher(lower);
        while (m.find()) {
            String s = m.group(1);
            if (!s.matches("\\d+|total|all|the|our|use|it") && context.entities()
                    .find(new EntityQuery(null, null, null, null, s, "name", 1, 0)).count() > 0) {
                return s;
            }
        }
        return null;
    }

    private Set<String> instanceNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (SourceInstance s : context.sources().sources()) {
                names.add(s.instance().toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException e) {
            // no source service: no instance names to recognise
        }
        return names;
    }
}

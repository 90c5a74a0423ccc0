package com.enreach.tools.assistant.internal.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.Citation;

/**
 * The steps of a suggestion and the sources they cite. Extractive (no model): the listed steps of a relevant article's
 * fix section and the fixes of the most similar resolved tickets, the nearer evidence first, each step ending with its
 * citation marker.
 */
final class Steps {
    /** Least similarity of a resolved ticket for its fix to become a step. */
    static final double MIN_TICKET = 0.25;
    /** Least similarity of an article to give steps, and how far below the best a runbook may be to be preferred. */
    static final double MIN_ARTICLE = 0.25;
    static final double ARTICLE_MARGIN = 0.15;
    static final int ARTICLE_STEPS = 6;
    static final int TICKET_STEPS = 3;
    static final String NOTHING_FOUND = "No similar resolved ticket or runbook was found: diagnose it from scratch, and write "
            + "the fix in the ticket once found, so the next suggestion can use it.";
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]$");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern FIX_HEADING = Pattern.compile("(?i)\\b(fix|resolution|resolv|remed|steps?|procedure|workaround|solution|"
            + "recover|reset|restor|how to|what to do|actions?|repair|replace|renew|free|grow|extend)");
    private static final Pattern NOT_FIX_HEADING = Pattern.compile("(?i)\\b(symptom|diagnos|seen in|example|cause|background|contacts?|"
            + "updates|escalat|related|see also|history|timeline|action items|follow-?ups?|lessons|impact|what went)");

    /** Steps with their citations, numbered from 1 in order of first citation. */
    record Drafted(List<String> steps, List<Citation> references) {
    }

    private Steps() {
    }

    static Drafted extractive(Evidence e) {
        Numbering refs = new Numbering();
        List<String> articleSteps = new ArrayList<>();
        Evidence.Source from = article(e.articles());
        if (from != null) {
            find(from.text()).steps().forEach(s -> articleSteps.add(s + " [" + refs.n(from, s) + "]"));
        }
        List<String> ticketSteps = new ArrayList<>();
        Numbering ticketRefs = new Numbering();
        for (Evidence.Source t : e.tickets()) {
            if (ticketSteps.size() >= TICKET_STEPS || t.similarity() < MIN_TICKET || t.text() == null || t.text().isBlank()) {
                continue;
            }
            String fix = Texts.cut(t.text().replaceAll("\\s+", " "), 300);
            ticketSteps.add("As in " + t.key() + " (" + Texts.cut(t.title(), 80) + "): " + fix + " [" + ticketRefs.n(t, fix) + "]");
        }
        // the nearer evidence first: the fix of a ticket more like the problem than the article comes before its steps
        boolean ticketsFirst = !ticketSteps.isEmpty() && (from == null || e.bestTicket() > from.similarity());
        Numbering all = new Numbering();
        List<String> steps = new ArrayList<>();
        for (List<String> part : ticketsFirst ? List.of(ticketSteps, articleSteps) : List.of(articleSteps, ticketSteps)) {
            Numbering own = part == ticketSteps ? ticketRefs : refs;
            for (String s : part) {
                steps.add(all.renumber(s, own));
            }
        }
        if (steps.isEmpty()) {
            steps.add(NOTHING_FOUND);
        }
        return new Drafted(steps, all.citations());
    }

    /**
     * The article to take steps from: among the relevant ones (similarity at least {@link #MIN_ARTICLE} and within
     * {@link #ARTICLE_MARGIN} of the best), the first with a fix section (a runbook rather than a post-mortem), else the
     * best one when it has a list, else the first relevant one with a fix section, else the first relevant one with a
     * list that is not under Symptoms, Timeline, Action items and the like.
     */
    private static Evidence.Source article(List<Evidence.Source> articles) {
        if (articles.isEmpty() || articles.get(0).similarity() < MIN_ARTICLE) {
            return null;
        }
        double floor = Math.max(MIN_ARTICLE, articles.get(0).similarity() - ARTICLE_MARGIN);
        for (Evidence.Source a : articles) {
            if (a.similarity() >= floor && find(a.text()).underFixHeading()) {
                return a;
            }
        }
        if (!find(articles.get(0).text()).steps().isEmpty()) {
            return articles.get(0);
        }
        // the nearest articles are post-mortems without steps: a relevant runbook further down still has the fix,
        // under a fix heading or, failing that, as its first list that is not symptoms, a timeline or action items
        for (Evidence.Source a : articles) {
            if (a.similarity() >= MIN_ARTICLE && find(a.text()).underFixHeading()) {
                return a;
            }
        }
        for (Evidence.Source a : articles) {
            if (a.similarity() >= MIN_ARTICLE && !find(a.text()).steps().isEmpty()) {
                return a;
            }
        }
        return null;
    }

    /**
     * The steps of an article's structured text: the list under the first heading that names a fix (Fix, Resolution,
     * Steps, Procedure...), else the first list of two or more items not under Symptoms/Diagnosis/examples.
     */
    static List<String> fixSteps(String body) {
        return find(body).steps();
    }

    /** Steps of an article, and whether they are under a heading that names a fix. */
    record Found(List<String> steps, boolean underFixHeading) {
    }

    static Found find(String body) {
        List<List<String>> fixLists = new ArrayList<>();
        List<List<String>> otherLists = new ArrayList<>();
        String heading = "";
        List<String> run = new ArrayList<>();
        for (String line : (body == null ? "" : body).split("\n")) {
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                if (!line.startsWith("  ")) { // nested items belong to the step above
                    run.add(m.group(1).strip());
                }
                continue;
            }
            if (!line.isBlank()) {
                close(run, heading, fixLists, otherLists);
                run = new ArrayList<>();
                String t = line.strip();
                if (t.length() < 80 && !t.contains(" | ") && !t.endsWith(".")) {
                    heading = t;
                }
            }
        }
        close(run, heading, fixLists, otherLists);
        List<String> chosen = !fixLists.isEmpty() ? fixLists.get(0) : !otherLists.isEmpty() ? otherLists.get(0) : List.of();
        return new Found(chosen.stream().limit(ARTICLE_STEPS).toList(), !fixLists.isEmpty());
    }

    private static void close(List<String> run, String heading, List<List<String>> fix, List<List<String>> other) {
        if (run.isEmpty()) {
            return;
        }
        if (FIX_HEADING.matcher(heading).find() && !NOT_FIX_HEADING.matcher(heading).find()) {
            fix.add(run);
        } else if (run.size() >= 2 && !NOT_FIX_HEADING.matcher(heading).find()) {
            other.add(run);
        }
    }

    /** Numbers sources in order of first citation. */
    static final class Numbering {
        private final Map<String, Citation> byRef = new LinkedHashMap<>();

        int n(Evidence.Source s, String quote) {
            return byRef.computeIfAbsent(s.kind() + ":" + s.id(), k -> new Citation(byRef.size() + 1, s.kind(), s.id(), s.key(), s.title(),
                    s.link(), s.url(), Texts.cut(quote, 240))).n();
        }

        List<Citation> citations() {
            return new ArrayList<>(byRef.values());
        }

        /** A step numbered by {@code other}, with its markers renumbered into this numbering. */
        String renumber(String step, Numbering other) {
            Matcher m = MARKER.matcher(step);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                Citation c = other.citations().get(Integer.parseInt(m.group(1)) - 1);
                int n = byRef.computeIfAbsent(c.kind() + ":" + c.id(), k -> new Citation(byRef.size() + 1, c.kind(), c.id(), c.key(), c.title(),
                        c.link(), c.url(), c.quote())).n();
                m.appendReplacement(b, "[" + n + "]");
            }
            m.appendTail(b);
            return b.toString();
        }
    }
}

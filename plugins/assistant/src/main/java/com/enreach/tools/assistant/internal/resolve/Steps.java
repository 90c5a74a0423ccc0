package com.enreach.tools.assistant.internal.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.Citation;

/**
 * The steps of a suggestion and the sources they cite. Extractive (no model): the numbered / listed steps of the best
 * article's fix section, then the fixes of the most similar resolved tickets, each with its citation marker.
 */
final class Steps {
    /** Least word-overlap similarity for an article's or a ticket's fix to become a step. */
    static final double MIN_SIMILARITY = 0.15;
    static final int ARTICLE_STEPS = 6;
    static final int TICKET_STEPS = 3;
    static final String NOTHING_FOUND = "No similar resolved ticket or runbook was found: diagnose it from scratch, and write "
            + "the fix in the ticket once found, so the next suggestion can use it.";
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern FIX_HEADING = Pattern.compile("(?i)\\b(fix|resolution|resolv|remed|steps?|procedure|workaround|solution|"
            + "recover|reset|restor|how to|what to do|actions?|repair|replace|renew|free|grow|extend)");
    private static final Pattern NOT_FIX_HEADING = Pattern.compile("(?i)\\b(symptom|diagnos|seen in|example|cause|background|contacts?|"
            + "updates|escalat|related|see also|history)");

    /** Steps with their citations, numbered from 1 in order of first citation. */
    record Drafted(List<String> steps, List<Citation> references) {
    }

    private Steps() {
    }

    static Drafted extractive(Evidence e) {
        Numbering refs = new Numbering();
        List<String> steps = new ArrayList<>();
        if (!e.articles().isEmpty() && e.articles().get(0).similarity() >= MIN_SIMILARITY) {
            Evidence.Source a = e.articles().get(0);
            for (String s : fixSteps(a.text())) {
                steps.add(s + " [" + refs.n(a, s) + "]");
            }
        }
        int used = 0;
        for (Evidence.Source t : e.tickets()) {
            if (used >= TICKET_STEPS || t.similarity() < MIN_SIMILARITY || t.text() == null || t.text().isBlank()) {
                continue;
            }
            String fix = Texts.cut(t.text().replaceAll("\\s+", " "), 300);
            steps.add("As in " + t.key() + " (" + Texts.cut(t.title(), 80) + "): " + fix + " [" + refs.n(t, fix) + "]");
            used++;
        }
        if (steps.isEmpty()) {
            steps.add(NOTHING_FOUND);
        }
        return new Drafted(steps, refs.citations());
    }

    /**
     * The steps of an article's structured text: the list under the first heading that names a fix (Fix, Resolution,
     * Steps, Procedure...), else the first list of two or more items not under Symptoms/Diagnosis/examples.
     */
    static List<String> fixSteps(String body) {
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
        return chosen.stream().limit(ARTICLE_STEPS).toList();
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
    }
}

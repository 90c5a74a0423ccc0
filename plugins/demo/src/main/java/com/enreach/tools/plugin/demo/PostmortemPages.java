package com.enreach.tools.plugin.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-mortems of incidents the demo Jira holds: each one is written from a resolved incident of the history (its
 * text, its people and its times), so the wiki and Jira tell the same story and link by key.
 */
final class PostmortemPages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PostmortemPages() {
    }

    /** Up to {@code count} post-mortems under {@code parent}, each about another incident resolved before the anchor. */
    static List<WikiPage> all(long parent, int count, TicketPlan plan, KbSettings kb, KbTimeline history, Estate e) {
        List<WikiPage> pages = new ArrayList<>();
        String[] keys = count > 0 ? plan.keys(kb.tickets()) : new String[0];
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int k = 0; k < count; k++) {
            int from = (int) ((long) k * kb.tickets() / count);
            for (int j = from; j < Math.min(kb.tickets(), from + 200); j++) {
                TicketPlan.Life life = plan.life(j, history);
                if (used.contains(j) || !life.template().type().equals("Incident") || !history.reached(life.resolved())) {
                    continue;
                }
                TicketTemplate.Draft d = life.template().write().apply(new TicketTemplate.Draw(e.rnd(42, j), plan.subjects(), keys[j]));
                if (d.priority().startsWith("High")) { // Highest and High: the ones worth a write-up
                    used.add(j);
                    String key = keys[j];
                    pages.add(new WikiPage(parent + 1 + k, "OPS", "Post-mortem " + DAY.format(life.created()) + ": " + d.summary(), parent,
                            List.of("post-mortem", "incident", key.toLowerCase(java.util.Locale.ROOT)), c -> body(life, d, key, keys, c))
                            .writtenAt(min(life.resolved().plus(java.time.Duration.ofHours(20 + j % 60)), history.anchor().minusSeconds(600))));
                    break;
                }
            }
        }
        return pages;
    }

    /** The description's first sentence or line, with the line breaks of a wrapped paragraph undone. */
    private static String summary(TicketTemplate.Draft d) {
        String first = d.description().strip().split("\n\s*\n")[0].lines().filter(l -> !l.startsWith("  ")).reduce((a, b) -> a + " " + b).orElse(d.summary());
        return first.isBlank() ? d.summary() : first;
    }

    private static java.time.Instant min(java.time.Instant a, java.time.Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String body(TicketPlan.Life life, TicketTemplate.Draft d, String key, String[] keys, WikiPage.Ctx c) {
        String followUp = keys[Math.min(keys.length - 1, life.index() + 1 + c.r().nextInt(Math.max(1, Math.min(20, keys.length - life.index() - 1))))];
        return new Html().h(1, "Post-mortem: " + d.summary())
                .p("Incident " + key + " (" + JiraView.url(key) + "), priority " + d.priority() + ". Blameless write-up by " + life.assignee() + ".")
                .h(2, "Summary").p(summary(d))
                .h(2, "What we saw").code("text", d.description())
                .h(2, "Timeline").table(List.of("Time", "Event"), List.of(
                        List.of(TIME.format(life.created()), "Raised by " + life.reporter()),
                        List.of(TIME.format(life.started()), life.assignee() + " starts the investigation"),
                        List.of(TIME.format(life.fixed()), "Fix applied"),
                        List.of(TIME.format(life.resolved()), "Resolved")))
                .h(2, "Root cause").p(d.comments().get(0))
                .h(2, "Resolution").code("text", d.comments().get(1))
                .h(2, "Action items").ul(List.of("Runbook updated with the steps above (owner: " + life.assignee() + ")",
                        "Monitoring: alert earlier on the symptom (" + followUp + ")", d.comments().size() > 2 ? d.comments().get(2) : "Review in the weekly ops meeting"))
                .h(2, "Lessons learned").ul(List.of("The runbook was found quickly by searching the wiki for the host name",
                        c.r().nextBoolean() ? "Two alerts fired for one cause: deduplicate in Alertmanager" : "The vendor case took longer than the fix: open it earlier"))
                .toString();
    }
}

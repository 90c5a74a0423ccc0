package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tickets of the demo Jira, cheaply: which template each ticket follows and when things happened to it, without
 * writing its text. Ticket {@code i} is derived from (seed, i) alone: the first {@code kb.tickets} were created over
 * the year and a half before the anchor, later ones (with churn) at a steady rate after it; each one's lifecycle
 * (work started, fixed, resolved, closed) is a set of times, of which a run shows those the timeline has reached.
 */
final class TicketPlan {
    static final Duration HISTORY = Duration.ofDays(540);
    private static final String[] PROJECTS = {"OPS", "NET", "STOR"};

    /** When things happen to one ticket; null: never. */
    record Life(int index, TicketTemplate template, Instant created, Instant started, Instant fixed, Instant resolved, Instant closed,
                String assignee, String reporter, Instant hint, String colleague) {

        /** How far the ticket has got at {@code t}: 0 open, 1 in progress, 2 fix posted, 3 resolved, 4 closed. */
        int stage(KbTimeline t) {
            return !t.reached(started) ? 0 : !t.reached(fixed) ? 1 : !t.reached(resolved) ? 2 : !t.reached(closed) ? 3 : 4;
        }

        /** The time of the last thing that happened by {@code t}: Jira's "updated", and the ticket's revision. */
        Instant updated(KbTimeline t) {
            Instant last = switch (stage(t)) {
                case 0 -> created;
                case 1 -> started;
                case 2 -> fixed;
                case 3 -> resolved;
                default -> closed;
            };
            return t.reached(hint) && hint.isAfter(last) ? hint : last;
        }
    }

    private final Estate e;
    private final Subjects subjects;
    private final KbSettings kb;
    private final double newPerHour;
    private final List<TicketTemplate> templates = new ArrayList<>();
    private final int totalWeight;

    TicketPlan(Estate estate, KbSettings kb, int churnPercent) {
        this.e = estate;
        this.subjects = new Subjects(estate);
        this.kb = kb;
        // churn: every hour about a quarter of churn.percent of the base tickets' number comes in new
        this.newPerHour = kb.tickets() * churnPercent / 400.0;
        int w = 0;
        for (List<TicketTemplate> group : List.of(VmwareTickets.all(), StorageBackupTickets.all(), NetworkTickets.all(), ServerTickets.all())) {
            for (TicketTemplate t : group) {
                if (t.fits().test(subjects)) {
                    templates.add(t);
                    w += t.weight();
                }
            }
        }
        this.totalWeight = w;
    }

    Subjects subjects() {
        return subjects;
    }

    /** How many tickets exist at the timeline's moment. */
    int count(KbTimeline t) {
        return kb.tickets() + (int) Math.floor(t.hours() * newPerHour);
    }

    TicketTemplate template(int i) {
        int x = e.rnd(40, i).nextInt(totalWeight);
        for (TicketTemplate t : templates) {
            x -= t.weight();
            if (x < 0) {
                return t;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** The Jira keys of tickets 0..n-1: numbered per project in the order they were created. */
    String[] keys(int n) {
        int[] next = new int[PROJECTS.length];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(template(i).project(), next);
        }
        return keys;
    }

    /** The next key of a project, counting in {@code next} (one counter per project). */
    static String key(String project, int[] next) {
        for (int p = 0; p < PROJECTS.length; p++) {
            if (PROJECTS[p].equals(project)) {
                return project + "-" + ++next[p];
            }
        }
        throw new IllegalArgumentException(project);
    }

    Life life(int i, KbTimeline t) {
        TicketTemplate template = template(i);
        SplittableRandom r = e.rnd(41, i);
        Instant created;
        if (i < kb.tickets()) {
            double slot = HISTORY.toSeconds() / (double) kb.tickets();
            long back = (long) (HISTORY.toSeconds() - slot * i - r.nextDouble() * slot * 0.9);
            created = t.anchor().minusSeconds(Math.max(60, back));
        } else {
            double hours = (i - kb.tickets() + 1) / newPerHour;
            long jitter = (long) (r.nextDouble() * Math.min(3600, 3600 / newPerHour) * 0.9);
            created = t.anchor().plusSeconds((long) (hours * 3600) - jitter);
        }
        boolean change = template.type().equals("Change");
        long startIn = change ? hours(r, 24, 240) : minutes(r, 10, 480);
        long fixIn = minutes(r, 30, change ? 240 : 5 * 1440);
        long resolveIn = minutes(r, 20, 1440);
        long closeIn = minutes(r, 2 * 1440, 14 * 1440);
        int fate = r.nextInt(100);
        Instant started = fate < 4 ? null : created.plusSeconds(startIn * 60);
        Instant fixed = started == null || fate < 7 ? null : started.plusSeconds(fixIn * 60);
        Instant resolved = fixed == null ? null : fixed.plusSeconds(resolveIn * 60);
        Instant closed = resolved == null ? null : resolved.plusSeconds(closeIn * 60);
        String assignee = People.engineer(template.project(), r);
        String reporter = template.type().equals("Incident") && r.nextInt(2) == 0 ? People.monitoring(template.project()) : People.anyone(r);
        // a colleague points at the runbook while the work goes on, on some tickets of templates that have one
        Instant hint = null;
        String colleague = People.anyone(r);
        if (template.runbook() != null && started != null && fixed != null && r.nextInt(100) < 45 && !colleague.equals(assignee)) {
            hint = started.plusSeconds(java.time.Duration.between(started, fixed).toSeconds() / 2);
        }
        return new Life(i, template, created, started, fixed, resolved, closed, assignee, reporter, hint, colleague);
    }

    private static long minutes(SplittableRandom r, int lo, int hi) {
        // skewed towards the short end: most tickets are quick, a few take long
        double x = r.nextDouble();
        return lo + (long) ((hi - lo) * x * x);
    }

    private static long hours(SplittableRandom r, int lo, int hi) {
        return 60L * (lo + r.nextInt(hi - lo + 1));
    }
}

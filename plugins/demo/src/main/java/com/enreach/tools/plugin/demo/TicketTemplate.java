package com.enreach.tools.plugin.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One kind of ticket the demo Jira holds (an NFS outage, a failed backup, a switch port flapping...): its project,
 * issue type and share, and how to write one about machines of the estate.
 */
record TicketTemplate(String project, String type, int weight, Predicate<Subjects> fits, Function<TicketTemplate.Draw, Draft> write,
                      String runbook) {

    /**
     * What a template writes: {@code comments} are the diagnosis (posted when work starts), the fix, and the note
     * that resolves the ticket, in that order.
     */
    record Draft(String summary, String priority, String description, List<String> comments, String resolution,
                 List<String> labels, List<String> components) {
    }

    static TicketTemplate of(String project, String type, int weight, Function<Draw, Draft> write) {
        return new TicketTemplate(project, type, weight, s -> true, write, null);
    }

    static TicketTemplate withVms(String project, String type, int weight, Function<Draw, Draft> write) {
        return new TicketTemplate(project, type, weight, Subjects::hasVms, write, null);
    }

    /** The same template, whose tickets a colleague may point at this runbook (its title) while the work goes on. */
    TicketTemplate runbook(String title) {
        return new TicketTemplate(project, type, weight, fits, write, title);
    }

    /** The random choices of one ticket's text, and the estate it writes about. */
    static final class Draw {
        final SplittableRandom r;
        final Subjects s;
        final String key;

        Draw(SplittableRandom r, Subjects s, String key) {
            this.r = r;
            this.s = s;
            this.key = key;
        }

        String oneOf(String... options) {
            return options[r.nextInt(options.length)];
        }

        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        boolean chance(int percent) {
            return r.nextInt(100) < percent;
        }

        /** Priority by weights for Highest, High, Medium, Low. */
        String priority(int highest, int high, int medium, int low) {
            int x = r.nextInt(highest + high + medium + low);
            return x < highest ? "Highest" : x < highest + high ? "High" : x < highest + high + medium ? "Medium" : "Low";
        }
    }
}

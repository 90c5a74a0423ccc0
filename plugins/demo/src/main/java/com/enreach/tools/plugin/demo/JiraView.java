package com.enreach.tools.plugin.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.TicketRecord;

/**
 * The demo Jira (view {@code jira}): projects OPS, NET and STOR with incidents, changes, problems, service requests
 * and tasks about the estate's machines, with their comments. Incremental like the jira plugin: a ticket whose
 * revision (its updated time) equals the stored one is reported unchanged and not written again.
 */
final class JiraView implements View {
    static final String BASE_URL = "https://jira.demo.example";
    private static final Map<String, String> PROJECT_NAMES = Map.of("OPS", "Operations", "NET", "Network", "STOR", "Storage");

    private final TicketPlan plan;
    private final KbTimeline timeline;
    private final Map<String, String> stored;
    private final Estate e;
    /** Runbook title -> its wiki URL, for the comments that point at one. */
    private final Map<String, String> runbooks = RunbookPages.all(WikiSpace.RUNBOOKS_ID).stream()
            .collect(java.util.stream.Collectors.toMap(WikiPage::title, ConfluenceView::url));

    JiraView(Estate estate, KbSettings kb, int churnPercent, KbTimeline timeline, Map<String, String> stored) {
        this.e = estate;
        this.plan = new TicketPlan(estate, kb, churnPercent);
        this.timeline = timeline;
        this.stored = stored;
    }

    static String sourceId(int i) {
        return Integer.toString(10_000 + i);
    }

    static String url(String key) {
        return BASE_URL + "/browse/" + key;
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        sink.phase("tickets");
        int n = plan.count(timeline);
        int[] next = new int[3];
        long count = 0;
        for (int i = 0; i < n; i++) {
            TicketPlan.Life life = plan.life(i, timeline);
            String key = TicketPlan.key(life.template().project(), next);
            String id = sourceId(i);
            if (life.updated(timeline).toString().equals(stored.get(id))) {
                sink.unchanged(EntityKinds.TICKET, id);
            } else {
                sink.ticket(ticket(life, key));
            }
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }

    /** A colleague's pointer to the runbook of the ticket's kind. */
    private String hint(TicketPlan.Life life) {
        String title = life.template().runbook();
        String url = runbooks.get(title);
        String first = life.assignee().split(" ")[0];
        return switch (life.index() % 3) {
            case 0 -> "This looks like what the runbook \"" + title.substring("Runbook: ".length()) + "\" covers: " + url;
            case 1 -> "We had the same last quarter; the steps in " + url + " worked then.";
            default -> first + ", the commands are in " + title + " (" + url + "); the section on the fix applies here.";
        };
    }

    /** The whole ticket as the timeline shows it. */
    TicketRecord ticket(TicketPlan.Life life, String key) {
        TicketTemplate.Draft d = life.template().write().apply(new TicketTemplate.Draw(e.rnd(42, life.index()), plan.subjects(), key));
        int stage = life.stage(timeline);
        String project = life.template().project();
        List<TicketRecord.Comment> comments = new ArrayList<>();
        Instant[] at = {life.started(), life.fixed(), life.resolved()};
        for (int c = 0; c < Math.min(stage, 3) && c < d.comments().size(); c++) {
            comments.add(new TicketRecord.Comment(sourceId(life.index()) + "-" + (c + 1), life.assignee(), at[c], at[c], d.comments().get(c)));
            if (c == 0 && timeline.reached(life.hint())) {
                comments.add(new TicketRecord.Comment(sourceId(life.index()) + "-h", life.colleague(), life.hint(), life.hint(), hint(life)));
            }
        }
        String status = switch (stage) {
            case 0 -> "Open";
            case 1, 2 -> "In Progress";
            case 3 -> "Resolved";
            default -> "Closed";
        };
        TicketRecord t = TicketRecord.of(sourceId(life.index()), key, d.summary())
                .project(project, PROJECT_NAMES.get(project)).type(life.template().type()).description(d.description())
                .status(status, stage == 0 ? "new" : stage < 3 ? "indeterminate" : "done")
                .people(stage == 0 ? null : life.assignee(), life.reporter()).priority(d.priority())
                .labels(d.labels(), d.components()).times(life.created(), life.updated(timeline)).url(url(key)).comments(comments);
        if (stage >= 3) {
            t.resolution(d.resolution(), life.resolved());
        }
        return t;
    }
}

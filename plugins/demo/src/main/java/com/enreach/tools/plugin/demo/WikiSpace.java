package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pages of the demo wiki (spaces OPS and INFRA) as a tree, with each page's history: a version and author from
 * before the anchor, and (with churn) edits after it at a steady rate, each of which adds a dated note to the page.
 */
final class WikiSpace {
    static final Map<String, String> SPACES = Map.of("OPS", "Operations", "INFRA", "Infrastructure");
    private static final long BASE_ID = 65_536;
    /** The id of the OPS space's Runbooks page (its runbooks follow it). */
    static final long RUNBOOKS_ID = BASE_ID + 1100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** One edit after the anchor. */
    record Edit(Instant at, String author, String note) {
    }

    private final Estate e;
    private final KbTimeline timeline;
    private final List<WikiPage> pages = new ArrayList<>();
    private final Map<Long, WikiPage> byId = new HashMap<>();
    private final Map<Long, List<Edit>> edits = new HashMap<>();
    private final double editsPerHour;
    private final KbSettings kb;
    private Map<String, List<List<String>>> recentTickets;
    final TicketPlan plan;

    WikiSpace(Estate estate, KbSettings kb, int churnPercent, KbTimeline timeline) {
        this.e = estate;
        this.timeline = timeline;
        this.kb = kb;
        this.plan = new TicketPlan(estate, kb, churnPercent);
        long ops = BASE_ID + 1000;
        long infra = BASE_ID + 2000;
        List<WikiPage> runbooks = RunbookPages.all(RUNBOOKS_ID);
        List<WikiPage> howtos = HowtoPages.howtos(ops + 200);
        List<WikiPage> oncall = HowtoPages.oncall(ops + 300);
        List<WikiPage> sites = ArchitecturePages.sites(infra + 100);
        List<WikiPage> clusters = ArchitecturePages.clusters(infra + 200, estate);
        List<WikiPage> overviews = ArchitecturePages.overviews(infra + 300);
        int fixed = 2 + 4 + runbooks.size() + howtos.size() + oncall.size() + 3 + sites.size() + clusters.size() + overviews.size();
        KbTimeline history = new KbTimeline(timeline.anchor(), 0);
        List<WikiPage> postmortems = PostmortemPages.all(BASE_ID + 100_000, Math.max(0, kb.articles() - fixed), plan, kb, history, estate);

        add(section(ops, "OPS", "Operations", 0, "The operations team's space: runbooks, how-tos, on-call and post-mortems.",
                List.of(ops + 100, ops + 200, ops + 300, BASE_ID + 100_000)));
        add(section(ops + 100, "OPS", "Runbooks", ops, "What to do when an alert fires. Search for the alert's name or the host.", ids(runbooks)));
        addAll(runbooks);
        add(section(ops + 200, "OPS", "How-tos", ops, "Step-by-step guides for routine work.", ids(howtos)));
        addAll(howtos);
        add(section(ops + 300, "OPS", "On-call", ops, "Everything for the on-call week.", ids(oncall)));
        addAll(oncall);
        add(section(BASE_ID + 100_000, "OPS", "Post-mortems", ops, "Blameless write-ups of the major incidents, newest last.", ids(postmortems)));
        addAll(postmortems);
        add(section(infra, "INFRA", "Infrastructure", 0, "How the estate is built: sites, clusters, storage, network, backup.",
                List.of(infra + 100, infra + 200, infra + 300)));
        add(section(infra + 100, "INFRA", "Sites", infra, "Our four data centres.", ids(sites)));
        addAll(sites);
        add(section(infra + 200, "INFRA", "Compute clusters", infra, "The vSphere clusters and their hosts.", ids(clusters)));
        addAll(clusters);
        add(section(infra + 300, "INFRA", "Architecture", infra, "Storage, network, backup and configuration management.", ids(overviews)));
        addAll(overviews);

        this.editsPerHour = pages.size() * churnPercent / 400.0;
        long n = (long) Math.floor(timeline.hours() * editsPerHour);
        Subjects s = plan.subjects();
        for (long k = 0; k < n; k++) {
            SplittableRandom r = e.rnd(51, (int) k);
            WikiPage page = pages.get(r.nextInt(pages.size()));
            Instant at = timeline.anchor().plusSeconds((long) ((k + 1) / editsPerHour * 3600) - (long) (r.nextDouble() * Math.min(3600, 3600 / editsPerHour) * 0.9));
            edits.computeIfAbsent(page.id(), x -> new ArrayList<>()).add(new Edit(at, People.anyone(r), note(r, s)));
        }
    }

    private static String note(SplittableRandom r, Subjects s) {
        Subjects.Node n = s.hasVms() && r.nextBoolean() ? Subjects.Node.of(s.vm(r)) : Subjects.Node.of(s.esx(r));
        return switch (r.nextInt(4)) {
            case 0 -> "Checked the steps again during an incident on " + n.fqdn() + ": still correct.";
            case 1 -> "Added the example of " + n.name() + " (" + n.ip() + ").";
            case 2 -> "Clarified the order of the steps after the work on " + n.name() + ".";
            default -> "Updated commands for the current versions; verified on " + n.fqdn() + ".";
        };
    }

    private static List<Long> ids(List<WikiPage> pages) {
        return pages.stream().map(WikiPage::id).toList();
    }

    private WikiPage section(long id, String space, String title, long parent, String intro, List<Long> children) {
        return new WikiPage(id, space, title, parent, List.of("index"), c -> {
            List<String> titles = new ArrayList<>();
            for (Long child : children) {
                WikiPage p = byId.get(child);
                if (p != null) {
                    titles.add(p.title());
                }
            }
            Subjects.Node mon = plan.subjects().monitoring();
            return new Html().h(1, title).p(intro).h(2, "Pages").ul(titles)
                    .p("Dashboards and alerts: https://" + mon.fqdn() + ":3000 (Grafana) and Alertmanager on " + mon.name() + ".").toString();
        });
    }

    private void add(WikiPage p) {
        pages.add(p);
        byId.put(p.id(), p);
    }

    private void addAll(List<WikiPage> ps) {
        ps.forEach(this::add);
    }

    List<WikiPage> pages() {
        return pages;
    }

    /** Titles from the space's home page down to the page's parent. */
    List<String> ancestors(WikiPage p) {
        List<String> titles = new ArrayList<>();
        for (WikiPage x = byId.get(p.parentId()); x != null; x = byId.get(x.parentId())) {
            titles.add(0, x.title());
        }
        return titles;
    }

    List<Edit> edits(WikiPage p) {
        return edits.getOrDefault(p.id(), List.of());
    }

    /**
     * Per runbook title, the last few tickets of its kind resolved before the anchor (key with URL, summary, day):
     * fixed history, so the runbooks do not change with every new ticket.
     */
    private Map<String, List<List<String>>> recentTickets() {
        if (recentTickets == null) {
            recentTickets = new HashMap<>();
            String[] keys = plan.keys(kb.tickets());
            KbTimeline history = new KbTimeline(timeline.anchor(), 0);
            for (int i = kb.tickets() - 1; i >= 0; i--) {
                TicketPlan.Life life = plan.life(i, history);
                String runbook = life.template().runbook();
                if (runbook == null || !history.reached(life.resolved())) {
                    continue;
                }
                List<List<String>> rows = recentTickets.computeIfAbsent(runbook, x -> new ArrayList<>());
                if (rows.size() < 5) {
                    String summary = life.template().write().apply(new TicketTemplate.Draw(e.rnd(42, i), plan.subjects(), keys[i])).summary();
                    rows.add(List.of(keys[i] + " (" + JiraView.url(keys[i]) + ")", summary, DAY.format(life.resolved())));
                }
            }
        }
        return recentTickets;
    }

    /** The page's version before the anchor. */
    int baseVersion(WikiPage p) {
        return 1 + e.rnd(50, (int) p.id()).nextInt(14);
    }

    int version(WikiPage p) {
        return baseVersion(p) + edits(p).size();
    }

    /** When and by whom the page was last changed before the anchor. */
    Edit baseChange(WikiPage p) {
        SplittableRandom r = e.rnd(50, (int) p.id());
        r.nextInt(14);
        long days = 3 + r.nextInt(600);
        String author = People.anyone(r);
        if (p.written() != null) {
            return new Edit(p.written(), author, null);
        }
        return new Edit(timeline.anchor().minus(Duration.ofDays(days)).minusSeconds(r.nextInt(86_400)), author, null);
    }

    /** The page body: what it was at the anchor, plus the notes of its edits since. */
    String body(WikiPage p) {
        String html = p.body().apply(new WikiPage.Ctx(plan.subjects(), e.rnd(60, (int) p.id())));
        List<List<String>> recent = p.parentId() == RUNBOOKS_ID ? recentTickets().getOrDefault(p.title(), List.of()) : List.of();
        if (!recent.isEmpty()) {
            html += new Html().h(2, "Recent tickets").table(List.of("Ticket", "Summary", "Resolved"), recent);
        }
        List<Edit> es = edits(p);
        if (es.isEmpty()) {
            return html;
        }
        List<String> notes = es.stream().map(x -> DAY.format(x.at()) + ", " + x.author() + ": " + x.note()).toList();
        return html + new Html().h(2, "Updates").ul(notes);
    }
}

package com.enreach.tools.plugin.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.enreach.tools.source.support.SourceDefaults;

/** Configuration of one demo estate instance ({@code etc/source.demo-<name>.cfg}). */
@ObjectClassDefinition(name = "Enreach source: demo estate",
        description = "Generates a realistic, deterministic estate (servers, VMs, network devices, storage) for demos and tests.")
public @interface DemoConfig {

    @AttributeDefinition(name = "View", description = "How the estate is seen: all (one source that knows everything), or as one"
            + " kind of source would see it: vcenter, puppetdb, foreman, oxidized, commvault, storage; or the knowledge base about"
            + " it: confluence (a wiki of runbooks, how-tos, architecture pages and post-mortems), jira (incidents, changes and"
            + " problems). Instances with the same seed and size describe the same machines.")
    String view() default "all";

    @AttributeDefinition(name = "Size", description = "Number of devices to generate (1 to 5,000,000).")
    int size() default 3000;

    @AttributeDefinition(name = "Seed", description = "Random seed; the same seed and size give the same estate.")
    long seed() default 42;

    @AttributeDefinition(name = "Churn (percent)", description = "Share of devices whose metadata changes on every run, to show updates (0 to 100);"
            + " for the knowledge base, how busy every hour after the first run is (new tickets, progress, page edits).")
    int churn_percent() default 1;

    @AttributeDefinition(name = "Wiki pages", description = "View confluence: about how many pages (the fixed runbooks, how-tos and"
            + " architecture pages, then post-mortems up to this number; 1 to 5,000).")
    int kb_articles() default KbSettings.DEFAULT_ARTICLES;

    @AttributeDefinition(name = "Tickets", description = "View jira: tickets at the first run (1 to 200,000); with churn more come in every hour.")
    int kb_tickets() default KbSettings.DEFAULT_TICKETS;

    @AttributeDefinition(name = "Schedule (minutes)", description = "Minutes between scheduled runs; 0 = on demand only.")
    int schedule_minutes() default SourceDefaults.SCHEDULE_MINUTES;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Largest share of active devices one run may mark stale without confirmation.")
    int delete_budget_percent() default SourceDefaults.DELETE_BUDGET_PERCENT;

    @AttributeDefinition(name = "Fault after (records)", description = "Fault drill: throw after this many devices (0 = never).")
    int fault_after() default 0;

    @AttributeDefinition(name = "Pause per 1,000 records (ms)", description = "Slows the run down to watch progress (0 = full speed).")
    int pause_ms_per_1000() default 0;
}

package com.enreach.tools.plugin.demo;

import java.util.Locale;

import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;

/** One way of looking at the estate: everything at once, or as one kind of source system would see it. */
interface View {

    /** Called after each record; returns false to stop early (cancel). */
    interface Progress {
        boolean onRecord(long count) throws SourceException;
    }

    /** Streams this view of the estate; returns early when progress says stop. */
    void emit(RecordSink sink, Progress progress) throws SourceException;

    /** The configurable view names, {@code all} first (the default). */
    enum Name {
        ALL, VCENTER, PUPPETDB, FOREMAN, OXIDIZED, COMMVAULT, STORAGE, CONFLUENCE, JIRA;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the view, or null for an unknown name */
        static Name parse(String value) {
            for (Name n : values()) {
                if (n.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return n;
                }
            }
            return null;
        }
    }

    /** The knowledge-base views: the wiki and Jira, on the timeline of the run and incremental against what is stored. */
    static View knowledge(Name name, Estate estate, KbSettings kb, int churnPercent, KbTimeline timeline,
                          java.util.function.Function<String, java.util.Map<String, String>> stored) {
        return switch (name) {
            case CONFLUENCE -> new ConfluenceView(estate, kb, churnPercent, timeline, stored.apply(com.enreach.tools.api.spi.EntityKinds.ARTICLE));
            case JIRA -> new JiraView(estate, kb, churnPercent, timeline, stored.apply(com.enreach.tools.api.spi.EntityKinds.TICKET));
            default -> throw new IllegalArgumentException("not a knowledge-base view: " + name.key());
        };
    }

    /** Whether the view emits articles or tickets rather than devices. */
    static boolean isKnowledge(Name name) {
        return name == Name.CONFLUENCE || name == Name.JIRA;
    }

    static View of(Name name, Estate estate, java.time.Instant now) {
        return switch (name) {
            case ALL -> new EstateGenerator(estate);
            case VCENTER -> new VcenterView(estate);
            case PUPPETDB -> new PuppetdbView(estate, now);
            case FOREMAN -> new ForemanView(estate, now);
            case OXIDIZED -> new OxidizedView(estate, now);
            case COMMVAULT -> new CommvaultView(estate, now);
            case STORAGE -> new StorageView(estate);
            case CONFLUENCE, JIRA -> throw new IllegalArgumentException("the knowledge-base views need their timeline: " + name.key());
        };
    }
}

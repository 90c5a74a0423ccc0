package com.enreach.tools.assistant.internal.tools;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;

/**
 * Citations of the platform's objects (numbered 0: the caller numbers them) with the web UI's links, and their
 * {@code ref}: the handle a tool's text uses to name the source of each fact, {@code [entity:12]}, {@code [ticket:7]},
 * {@code [report:vms-without-backup]}, {@code [sync:demo-vc]}.
 */
public final class Cite {
    private static final Pattern TICKET_KEY = Pattern.compile("^([A-Z][A-Z0-9_]*-\\d+)\\b");
    /** A ref as written in tool text. */
    public static final Pattern REF = Pattern.compile("\\[((?:entity|entities|article|ticket|report|sync):[^\\]\\s]+)\\]");

    private Cite() {
    }

    /** The handle of a citation: kind and id, or kind and key when the source has no id. */
    public static String ref(Citation c) {
        return c.kind().equals("entity") && c.id() == 0 ? "entities:" + c.key()
                : c.id() > 0 ? c.kind() + ":" + c.id() : c.kind() + ":" + c.key();
    }

    public static String marker(Citation c) {
        return "[" + ref(c) + "]";
    }

    public static Citation entity(Entity e, String quote) {
        return new Citation(0, "entity", e.id(), e.name(), e.name() + " (" + e.type() + ")", "#/entities/" + e.id(), null,
                short_(quote));
    }

    public static Citation entity(long id, String name, String type, String quote) {
        return new Citation(0, "entity", id, name, name + (type == null ? "" : " (" + type + ")"), "#/entities/" + id,
                null, short_(quote));
    }

    /** A set of entities (a count or a list): the entities page filtered; {@code filter} is {@code type=vm&site=ams}. */
    public static Citation entities(String filter, String quote) {
        String key = filter.isEmpty() ? "all" : filter;
        return new Citation(0, "entity", 0, key, "Entities " + (filter.isEmpty() ? "(all)" : filter.replace('&', ' ')),
                "#/entities" + (filter.isEmpty() ? "" : "?" + filter), null, short_(quote));
    }

    public static Citation article(long id, String title, String url, String quote) {
        return new Citation(0, "article", id, title, title, "#/ext/articles?id=" + id, url, short_(quote));
    }

    public static Citation ticket(long id, String titleWithKey, String url, String quote) {
        return new Citation(0, "ticket", id, ticketKey(titleWithKey), titleWithKey, "#/ext/tickets?id=" + id, url,
                short_(quote));
    }

    public static Citation report(String name, String title, String quote) {
        return new Citation(0, "report", 0, name, title, "#/reports/" + name, null, short_(quote));
    }

    public static Citation sync(String instance, String quote) {
        return new Citation(0, "sync", 0, instance, "Sync of " + instance, "#/syncs?instance=" + instance, null,
                short_(quote));
    }

    /** The key at the start of a ticket title ("OPS-12 NFS stale handle" gives OPS-12), else the title. */
    public static String ticketKey(String title) {
        if (title == null) {
            return "";
        }
        Matcher m = TICKET_KEY.matcher(title.trim());
        return m.find() ? m.group(1) : title.trim();
    }

    /** Quotes stay short: one line, at most 300 characters. */
    public static String short_(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() <= 300 ? t : t.substring(0, 297) + "...";
    }
}

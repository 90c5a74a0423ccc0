package com.enreach.tools.plugin.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.WebLinks;
import com.fasterxml.jackson.databind.JsonNode;

/** A Jira issue of a search answer as a {@link TicketRecord}; bodies are converted per flavor (ADF or wiki markup). */
final class TicketMapper {
    /** The fields a full fetch asks for: exactly what is stored. */
    static final List<String> FIELDS = List.of("summary", "description", "issuetype", "project", "status", "resolution",
            "resolutiondate", "assignee", "reporter", "priority", "labels", "components", "created", "updated", "comment");
    /** The fields of the cheap listing: the revision only. */
    static final List<String> LIST_FIELDS = List.of("updated");

    /** Jira's timestamps: {@code 2024-03-05T14:07:31.000+0000} (offset without colon). */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private final Flavor flavor;
    private final String linkBase;

    TicketMapper(Flavor flavor, String linkBase) {
        this.flavor = flavor;
        this.linkBase = linkBase;
    }

    /** The issue's id, as the source id; null when missing. */
    static String id(JsonNode issue) {
        return JsonValues.text(issue, "id");
    }

    /** The revision of a listed or fetched issue: its {@code updated} time, normalised; null when absent. */
    static String revision(JsonNode issue) {
        String raw = JsonValues.text(JsonValues.at(issue, "fields", "updated"));
        Instant t = time(raw);
        return t != null ? t.toString() : raw;
    }

    /** The issue without comments beyond those in the answer (see {@link #comments}). */
    TicketRecord ticket(JsonNode issue, List<TicketRecord.Comment> comments) {
        JsonNode f = issue.path("fields");
        String key = JsonValues.text(issue, "key");
        TicketRecord t = TicketRecord.of(id(issue), key, JsonValues.text(f, "summary"))
                .project(JsonValues.text(f, "project.key"), JsonValues.text(f, "project.name"))
                .type(JsonValues.text(f, "issuetype.name"))
                .description(body(f.path("description")))
                .status(JsonValues.text(f, "status.name"), JsonValues.text(f, "status.statusCategory.key"))
                .resolution(JsonValues.text(f, "resolution.name"), time(JsonValues.text(f, "resolutiondate")))
                .people(JsonValues.text(f, "assignee.displayName"), JsonValues.text(f, "reporter.displayName"))
                .priority(JsonValues.text(f, "priority.name"))
                .labels(texts(f.path("labels"), null), texts(f.path("components"), "name"))
                .times(time(JsonValues.text(f, "created")), time(JsonValues.text(f, "updated")))
                .url(browse(linkBase, key))
                .comments(comments);
        String rev = revision(issue);
        return rev == null ? t : t.revision(rev);
    }

    /** The comments carried by the answer's {@code comment} field (or a comment page's {@code comments}). */
    List<TicketRecord.Comment> comments(JsonNode list) {
        List<TicketRecord.Comment> out = new ArrayList<>();
        for (JsonNode c : list) {
            String id = JsonValues.text(c, "id");
            if (id != null) {
                out.add(new TicketRecord.Comment(id, JsonValues.text(c, "author.displayName"),
                        time(JsonValues.text(c, "created")), time(JsonValues.text(c, "updated")), body(c.path("body"))));
            }
        }
        return out;
    }

    private String body(JsonNode n) {
        if (flavor == Flavor.CLOUD) {
            return AdfText.of(n);
        }
        return n.isTextual() ? WikiText.of(n.asText()) : AdfText.of(n);
    }

    /** The issue's page: {@code <base>/browse/<KEY>}; null without a base or key. */
    static String browse(String linkBase, String key) {
        return linkBase == null || key == null ? null : linkBase + "/browse/" + WebLinks.segment(key);
    }

    /** A Jira timestamp; null when absent or unreadable. */
    static Instant time(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String s = member == null ? JsonValues.text(n) : JsonValues.text(n, member);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}

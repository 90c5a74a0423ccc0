package com.enreach.tools.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A ticket of an issue tracker (a Jira issue) with its comments: what the core stores in {@code kb_tickets} and
 * {@code kb_ticket_comments}. Description and comment bodies are plain text with their structure kept (the plugin
 * converts Atlassian Document Format or wiki markup). {@code revision} works as for {@link ArticleRecord}
 * (for Jira: the {@code updated} time).
 *
 * @since 2.2
 */
public final class TicketRecord {
    /** One comment. */
    public record Comment(String id, String author, Instant created, Instant updated, String body) {
        public Comment {
            Objects.requireNonNull(id, "comment id is null");
            body = body == null ? "" : body;
        }
    }

    private final String sourceId;
    private final String key;
    private final String summary;
    private String project;
    private String projectName;
    private String type;
    private String description;
    private String status;
    private String statusCategory;
    private String resolution;
    private Instant resolutionDate;
    private String assignee;
    private String reporter;
    private String priority;
    private List<String> labels = List.of();
    private List<String> components = List.of();
    private Instant created;
    private Instant updated;
    private String url;
    private String revision;
    private List<Comment> comments = List.of();

    private TicketRecord(String sourceId, String key, String summary) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
        this.key = Objects.requireNonNull(key, "key is null");
        this.summary = summary == null ? "" : summary;
    }

    /** @param sourceId the id in the source (Jira's numeric id: stable when the key moves) */
    public static TicketRecord of(String sourceId, String key, String summary) {
        return new TicketRecord(sourceId, key, summary);
    }

    public TicketRecord project(String projectKey, String projectName) {
        this.project = projectKey;
        this.projectName = projectName;
        return this;
    }

    public TicketRecord type(String type) {
        this.type = type;
        return this;
    }

    public TicketRecord description(String text) {
        this.description = text;
        return this;
    }

    /** @param category Jira's status category key: {@code new}, {@code indeterminate} or {@code done} */
    public TicketRecord status(String status, String category) {
        this.status = status;
        this.statusCategory = category;
        return this;
    }

    public TicketRecord resolution(String resolution, Instant resolutionDate) {
        this.resolution = resolution;
        this.resolutionDate = resolutionDate;
        return this;
    }

    public TicketRecord people(String assignee, String reporter) {
        this.assignee = assignee;
        this.reporter = reporter;
        return this;
    }

    public TicketRecord priority(String priority) {
        this.priority = priority;
        return this;
    }

    public TicketRecord labels(List<String> labels, List<String> components) {
        this.labels = labels == null ? List.of() : List.copyOf(labels);
        this.components = components == null ? List.of() : List.copyOf(components);
        return this;
    }

    public TicketRecord times(Instant created, Instant updated) {
        this.created = created;
        this.updated = updated;
        return this;
    }

    public TicketRecord url(String url) {
        this.url = url;
        return this;
    }

    public TicketRecord revision(String revision) {
        this.revision = revision;
        return this;
    }

    public TicketRecord comments(List<Comment> comments) {
        this.comments = comments == null ? List.of() : List.copyOf(comments);
        return this;
    }

    public String sourceId() { return sourceId; }
    public String key() { return key; }
    public String summary() { return summary; }
    public String project() { return project; }
    public String projectName() { return projectName; }
    public String type() { return type; }
    public String description() { return description; }
    public String status() { return status; }
    public String statusCategory() { return statusCategory; }
    public String resolution() { return resolution; }
    public Instant resolutionDate() { return resolutionDate; }
    public String assignee() { return assignee; }
    public String reporter() { return reporter; }
    public String priority() { return priority; }
    public List<String> labels() { return labels; }
    public List<String> components() { return components; }
    public Instant created() { return created; }
    public Instant updated() { return updated; }
    public String url() { return url; }
    /** The revision marker: the one given, else the updated time as text, else null. */
    public String revision() { return revision != null ? revision : updated == null ? null : updated.toString(); }
    public List<Comment> comments() { return comments; }
}

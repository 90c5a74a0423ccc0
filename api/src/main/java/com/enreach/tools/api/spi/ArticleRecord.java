package com.enreach.tools.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A knowledge-base article (a Confluence page, a wiki page): what the core stores in {@code kb_articles}.
 *
 * <p>{@code bodyHtml} is what people will read: the core sanitises it with an HTML sanitiser before storing, whatever
 * the plugin sent, so a plugin may pass the source's markup after turning its own macros into plain HTML.
 * {@code bodyText} is what search and the assistant read: plain text that keeps the structure (headings on their own
 * lines, list items as "- ", table rows as cells separated by " | ", code blocks kept verbatim). When a plugin leaves
 * it null the core extracts it from the HTML.
 *
 * <p>{@code revision} is the plugin's opaque change marker (e.g. "v12 p4711" = version and parent): the core hands
 * back the stored revisions through {@link SourceContext#storedRevisions(String)} so that a run fetches only the bodies
 * of pages whose revision moved, and reports the others with {@link RecordSink#unchanged(String, String)}.
 *
 * @since 2.2
 */
public final class ArticleRecord {
    private final String sourceId;
    private final String title;
    private String spaceKey;
    private String spaceName;
    private String bodyHtml;
    private String bodyText;
    private String url;
    private Integer version;
    private String revision;
    private Instant lastUpdated;
    private String author;
    private List<String> labels = List.of();
    private List<String> ancestors = List.of();
    private String parentId;

    private ArticleRecord(String sourceId, String title) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
        this.title = Objects.requireNonNull(title, "title is null");
    }

    /** @param sourceId the page id in the source (stable across renames and moves) */
    public static ArticleRecord of(String sourceId, String title) {
        return new ArticleRecord(sourceId, title);
    }

    public ArticleRecord space(String key, String name) {
        this.spaceKey = key;
        this.spaceName = name;
        return this;
    }

    /** The body as HTML (sanitised by the core) and, optionally, its structured plain text. */
    public ArticleRecord body(String html, String text) {
        this.bodyHtml = html;
        this.bodyText = text;
        return this;
    }

    /** The page's address in the source's web UI (no credentials). */
    public ArticleRecord url(String url) {
        this.url = url;
        return this;
    }

    /** The source's version number and the plugin's revision marker (null: the version number as text). */
    public ArticleRecord version(Integer version, String revision) {
        this.version = version;
        this.revision = revision;
        return this;
    }

    public ArticleRecord lastUpdated(Instant lastUpdated, String author) {
        this.lastUpdated = lastUpdated;
        this.author = author;
        return this;
    }

    public ArticleRecord labels(List<String> labels) {
        this.labels = labels == null ? List.of() : List.copyOf(labels);
        return this;
    }

    /** Titles from the space's root page down to the parent, and the parent's id. */
    public ArticleRecord ancestors(List<String> ancestorTitles, String parentId) {
        this.ancestors = ancestorTitles == null ? List.of() : List.copyOf(ancestorTitles);
        this.parentId = parentId;
        return this;
    }

    public String sourceId() { return sourceId; }
    public String title() { return title; }
    public String spaceKey() { return spaceKey; }
    public String spaceName() { return spaceName; }
    public String bodyHtml() { return bodyHtml; }
    public String bodyText() { return bodyText; }
    public String url() { return url; }
    public Integer version() { return version; }
    /** The revision marker: the one given, else the version number as text, else null. */
    public String revision() { return revision != null ? revision : version == null ? null : String.valueOf(version); }
    public Instant lastUpdated() { return lastUpdated; }
    public String author() { return author; }
    public List<String> labels() { return labels; }
    public List<String> ancestors() { return ancestors; }
    public String parentId() { return parentId; }
}

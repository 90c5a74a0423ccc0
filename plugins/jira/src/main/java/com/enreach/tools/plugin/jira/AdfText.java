package com.enreach.tools.plugin.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Atlassian Document Format (Jira Cloud's descriptions and comments) as plain text that keeps its structure, for
 * search and the assistant: blocks apart by a blank line, headings as {@code ## Title}, lists as {@code - item} and
 * {@code 1. item} (nested ones indented), code blocks verbatim between {@code ```} fences, tables one row a line as
 * {@code a | b}, quotes as {@code > }, mentions as {@code @Name}, cards and links with their URL, hard breaks as
 * line breaks. Unknown node types fall back to their content, so text is never lost to a new node type.
 */
final class AdfText {
    private AdfText() {
    }

    /** The text of a document; null when absent. A plain string (some v3 fields, older sites) is kept as it is. */
    static String of(JsonNode doc) {
        if (JsonValues.absent(doc)) {
            return null;
        }
        if (doc.isTextual()) {
            return doc.asText();
        }
        String text = blocks(doc.path("content"), "\n\n").replaceAll("\n{3,}", "\n\n").strip();
        return text.isEmpty() ? null : text;
    }

    private static String blocks(JsonNode content, String separator) {
        List<String> parts = new ArrayList<>();
        for (JsonNode n : content) {
            String b = block(n);
            if (b != null && !b.isBlank()) {
                parts.add(b.stripTrailing());
            }
        }
        return String.join(separator, parts);
    }

    private static String block(JsonNode n) {
        String type = n.path("type").asText("");
        JsonNode content = n.path("content");
        JsonNode attrs = n.path("attrs");
        return switch (type) {
            case "paragraph" -> inline(content);
            case "heading" -> "#".repeat(Math.max(1, Math.min(6, attrs.path("level").asInt(1)))) + " " + inline(content);
            case "bulletList" -> list(content, -1);
            case "orderedList" -> list(content, attrs.path("order").asInt(1));
            case "taskList", "decisionList" -> list(content, -1);
            case "codeBlock" -> "```" + firstNonNull(JsonValues.text(attrs, "language"), "") + "\n" + raw(content) + "\n```";
            case "blockquote" -> prefixLines(blocks(content, "\n\n"), "> ");
            case "rule" -> "---";
            case "table" -> table(content);
            case "expand", "nestedExpand" -> join(JsonValues.text(attrs, "title"), blocks(content, "\n\n"));
            case "mediaSingle", "mediaGroup", "media", "mediaInline" -> media(n);
            case "blockCard", "embedCard" -> JsonValues.text(attrs, "url");
            case "extension", "inlineExtension" -> null;
            default -> inlineOnly(content) ? inline(content) : blocks(content, "\n\n");
        };
    }

    private static boolean inlineOnly(JsonNode content) {
        for (JsonNode c : content) {
            switch (c.path("type").asText("")) {
                case "text", "hardBreak", "mention", "emoji", "inlineCard", "date", "status" -> { }
                default -> { return false; }
            }
        }
        return content.size() > 0;
    }

    /** A list, one item a line; an item's further lines and nested lists are indented under its text. */
    private static String list(JsonNode items, int start) {
        StringBuilder sb = new StringBuilder();
        int number = start;
        for (JsonNode item : items) {
            String marker = start < 0 ? "- " : number++ + ". ";
            String type = item.path("type").asText("");
            if (type.equals("taskItem")) {
                marker = "DONE".equals(JsonValues.text(item.path("attrs"), "state")) ? "- [x] " : "- [ ] ";
            } else if (type.equals("decisionItem")) {
                marker = "- Decision: ";
            }
            JsonNode content = item.path("content");
            String body = type.equals("listItem") ? blocks(content, "\n") : inlineOnly(content) ? inline(content) : blocks(content, "\n");
            String indent = " ".repeat(marker.length());
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(marker).append(body.replace("\n", "\n" + indent).replaceAll("\n +\n", "\n\n"));
        }
        return sb.toString();
    }

    private static String table(JsonNode rows) {
        List<String> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : row.path("content")) {
                cells.add(blocks(cell.path("content"), " ").replace('\n', ' ').strip());
            }
            lines.add(String.join(" | ", cells));
        }
        return String.join("\n", lines);
    }

    private static String media(JsonNode n) {
        String alt = JsonValues.text(n.path("attrs"), "alt");
        if (alt != null) {
            return "[attachment: " + alt + "]";
        }
        String inner = blocks(n.path("content"), "\n");
        return inner.isEmpty() ? null : inner;
    }

    /** Inline nodes: text with links, mentions, emoji, cards, dates, statuses and hard breaks. */
    private static String inline(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : content) {
            JsonNode attrs = c.path("attrs");
            switch (c.path("type").asText("")) {
                case "text" -> sb.append(text(c));
                case "hardBreak" -> sb.append('\n');
                case "mention" -> {
                    String name = JsonValues.text(attrs, "text");
                    sb.append(name == null ? "@someone" : name.startsWith("@") ? name : "@" + name);
                }
                case "emoji" -> sb.append(firstNonNull(JsonValues.text(attrs, "text"), JsonValues.text(attrs, "shortName"), ""));
                case "inlineCard" -> sb.append(firstNonNull(JsonValues.text(attrs, "url"), JsonValues.text(attrs, "data.url"), ""));
                case "date" -> sb.append(date(JsonValues.text(attrs, "timestamp")));
                case "status" -> sb.append('[').append(firstNonNull(JsonValues.text(attrs, "text"), "")).append(']');
                case "placeholder", "inlineExtension" -> { }
                default -> sb.append(inline(c.path("content")));
            }
        }
        return sb.toString();
    }

    /** A text node; a link keeps its target after the words unless the words are the target. */
    private static String text(JsonNode c) {
        String t = c.path("text").asText("");
        for (JsonNode mark : c.path("marks")) {
            if ("link".equals(mark.path("type").asText())) {
                String href = JsonValues.text(mark.path("attrs"), "href");
                if (href != null && !href.equals(t.strip())) {
                    return t + " (" + href + ")";
                }
            }
        }
        return t;
    }

    /** A code block's text exactly as written: no marks, no trimming of indentation. */
    private static String raw(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : content) {
            if (c.path("type").asText().equals("hardBreak")) {
                sb.append('\n');
            } else {
                sb.append(c.path("text").asText(""));
            }
        }
        return sb.toString().replaceAll("\n+$", "");
    }

    private static String date(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (RuntimeException e) {
            return millis == null ? "" : millis;
        }
    }

    private static String prefixLines(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix).replace(prefix + "\n", prefix.strip() + "\n");
    }

    private static String join(String title, String body) {
        return title == null ? body : body.isEmpty() ? title : title + "\n" + body;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}

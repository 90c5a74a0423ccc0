package com.enreach.tools.plugin.jira;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.enreach.tools.api.plugin.ConfigFields;

/**
 * The JQL of an instance: either {@code jql} as given, or built from {@code projects}, {@code issue.types} and
 * {@code updated.since}. The plugin always appends its own {@code ORDER BY key ASC}: offset paging (Data Center)
 * is only safe over an order that edits during the listing do not change, and the same order serves Cloud.
 */
final class Jql {
    static final String ORDER = " ORDER BY key ASC";
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern RELATIVE = Pattern.compile("-\\d{1,6}[wdhm]");
    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    private Jql() {
    }

    /**
     * Reads and checks the JQL keys; problems are recorded in {@code f}.
     *
     * @return the selection without ORDER BY, or null when the keys are invalid
     */
    static String read(ConfigFields f) {
        String jql = f.string("jql", null);
        String projects = f.string("projects", null);
        String types = f.string("issue.types", null);
        String since = f.string("updated.since", null);
        if (jql != null) {
            if (projects != null || types != null || since != null) {
                f.error("jql", "conflict", "jql is the whole selection: leave projects, issue.types and updated.since "
                        + "empty, or put them into the jql");
                return null;
            }
            if (ORDER_BY.matcher(jql).find()) {
                f.error("jql", "order_by", "jql must not contain ORDER BY: the plugin orders by key for stable paging");
                return null;
            }
            return jql;
        }
        if (projects == null) {
            f.error("projects", "required", "projects (comma-separated keys like OPS,INFRA) or jql is required: "
                    + "Jira refuses unbounded searches");
            return null;
        }
        List<String> clauses = new ArrayList<>();
        List<String> keys = list(projects);
        List<String> bad = keys.stream().filter(k -> !PROJECT_KEY.matcher(k).matches()).toList();
        if (keys.isEmpty() || !bad.isEmpty()) {
            f.error("projects", "invalid", "projects must be comma-separated project keys (letters, digits, _), got '"
                    + projects + "'");
            return null;
        }
        clauses.add("project in (" + keys.stream().map(k -> quote(k.toUpperCase(Locale.ROOT))).collect(Collectors.joining(", ")) + ")");
        if (types != null) {
            List<String> t = list(types);
            if (t.isEmpty()) {
                f.error("issue.types", "invalid", "issue.types must be comma-separated issue type names, got '" + types + "'");
                return null;
            }
            clauses.add("issuetype in (" + t.stream().map(Jql::quote).collect(Collectors.joining(", ")) + ")");
        }
        if (since != null) {
            String value = since(since);
            if (value == null) {
                f.error("updated.since", "invalid", "updated.since must be a period like -365d, -12w, -48h or a date "
                        + "like 2024-01-31, got '" + since + "'");
                return null;
            }
            clauses.add("updated >= " + value);
        }
        return String.join(" AND ", clauses);
    }

    /** The listing query: the selection, in parentheses (it may hold OR), ordered by key. */
    static String ordered(String selection) {
        return "(" + selection + ")" + ORDER;
    }

    /** A batch of issues by id, ordered by key. */
    static String ids(List<String> ids) {
        return "id in (" + String.join(", ", ids) + ")" + ORDER;
    }

    /** A JQL string literal. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String since(String s) {
        String v = s.trim();
        if (RELATIVE.matcher(v).matches()) {
            return v;
        }
        try {
            return quote(LocalDate.parse(v).toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

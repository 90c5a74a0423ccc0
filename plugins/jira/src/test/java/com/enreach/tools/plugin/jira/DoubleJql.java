package com.enreach.tools.plugin.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of JQL the Jira double understands, parsed the way Jira reads it: clauses {@code project},
 * {@code issuetype}, {@code id}, {@code key}, {@code status} with {@code =}, {@code !=}, {@code in (...)},
 * {@code updated}/{@code created} with {@code >=}, {@code >}, {@code <=}, {@code <} against a date or a relative
 * period ({@code -365d}), joined by AND/OR with parentheses, and {@code ORDER BY key|updated|created [ASC|DESC]}.
 * Anything else is refused with Jira's error wording, which the double answers as HTTP 400.
 */
final class DoubleJql {
    /** A JQL the double (and Jira) refuses; the message is Jira's errorMessages entry. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|>=|<=|!=|[=<>(),]|-?\\d+[wdhm]\\b|[A-Za-z0-9_.\\-]+)");

    final Predicate<JiraDouble.Issue> filter;
    final Comparator<JiraDouble.Issue> order;
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    DoubleJql(String jql) {
        Matcher m = TOKEN.matcher(jql);
        int at = 0;
        while (at < jql.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group(1));
            at = m.end();
        }
        if (!jql.substring(at).isBlank()) {
            throw new Invalid("Error in the JQL Query: The character '" + jql.substring(at).strip().charAt(0)
                    + "' is a reserved JQL character. (line 1, character " + (at + 1) + ")");
        }
        Predicate<JiraDouble.Issue> f = peekWord("order") ? i -> true : or();
        this.filter = f;
        this.order = orderBy();
        if (pos < tokens.size()) {
            throw new Invalid("Error in the JQL Query: Expecting either 'OR' or 'AND' but got '" + tokens.get(pos) + "'.");
        }
    }

    private Predicate<JiraDouble.Issue> or() {
        Predicate<JiraDouble.Issue> p = and();
        while (acceptWord("or")) {
            p = p.or(and());
        }
        return p;
    }

    private Predicate<JiraDouble.Issue> and() {
        Predicate<JiraDouble.Issue> p = clause();
        while (acceptWord("and")) {
            p = p.and(clause());
        }
        return p;
    }

    private Predicate<JiraDouble.Issue> clause() {
        if (accept("(")) {
            Predicate<JiraDouble.Issue> p = or();
            expect(")");
            return p;
        }
        String field = next().toLowerCase(Locale.ROOT);
        String op = next().toLowerCase(Locale.ROOT);
        switch (field) {
            case "project", "issuetype", "type", "id", "issuekey", "key", "status" -> {
                List<String> values = new ArrayList<>();
                if (op.equals("in")) {
                    expect("(");
                    do {
                        values.add(value());
                    } while (accept(","));
                    expect(")");
                } else if (op.equals("=") || op.equals("!=")) {
                    values.add(value());
                } else {
                    throw new Invalid("Error in the JQL Query: The operator '" + op + "' is not supported by the '" + field + "' field.");
                }
                Predicate<JiraDouble.Issue> p = i -> values.stream().anyMatch(v -> v.equalsIgnoreCase(text(i, field)));
                return op.equals("!=") ? p.negate() : p;
            }
            case "updated", "created" -> {
                Instant t = instant(value());
                return i -> {
                    int c = (field.equals("updated") ? i.updated : i.created).compareTo(t);
                    return switch (op) {
                        case ">=" -> c >= 0;
                        case ">" -> c > 0;
                        case "<=" -> c <= 0;
                        case "<" -> c < 0;
                        default -> throw new Invalid("Error in the JQL Query: The operator '" + op
                                + "' is not supported by the '" + field + "' field.");
                    };
                };
            }
            default -> throw new Invalid("Field '" + field + "' does not exist or you do not have permission to view it.");
        }
    }

    private static String text(JiraDouble.Issue i, String field) {
        return switch (field) {
            case "project" -> i.key.substring(0, i.key.indexOf('-'));
            case "issuetype", "type" -> i.type;
            case "id" -> i.id;
            case "status" -> i.status;
            default -> i.key;
        };
    }

    private Comparator<JiraDouble.Issue> orderBy() {
        Comparator<JiraDouble.Issue> byKey = Comparator.comparing((JiraDouble.Issue i) -> i.key.substring(0, i.key.indexOf('-')))
                .thenComparingInt(i -> Integer.parseInt(i.key.substring(i.key.indexOf('-') + 1)));
        if (!acceptWord("order")) {
            return byKey; // Jira's own default is rank; key is what the plugin always asks for anyway
        }
        if (!acceptWord("by")) {
            throw new Invalid("Error in the JQL Query: Expecting 'BY' but got '" + (pos < tokens.size() ? tokens.get(pos) : "end") + "'.");
        }
        String field = next().toLowerCase(Locale.ROOT);
        Comparator<JiraDouble.Issue> c = switch (field) {
            case "key", "issuekey", "id" -> byKey;
            case "updated" -> Comparator.comparing((JiraDouble.Issue i) -> i.updated);
            case "created" -> Comparator.comparing((JiraDouble.Issue i) -> i.created);
            default -> throw new Invalid("Not able to sort using field '" + field + "'.");
        };
        if (acceptWord("desc")) {
            c = c.reversed();
        } else {
            acceptWord("asc");
        }
        return c.thenComparing(byKey);
    }

    private static Instant instant(String v) {
        Matcher rel = Pattern.compile("-?(\\d+)([wdhm])").matcher(v);
        if (rel.matches()) {
            long n = Long.parseLong(rel.group(1));
            ChronoUnit unit = switch (rel.group(2)) {
                case "w" -> ChronoUnit.WEEKS;
                case "d" -> ChronoUnit.DAYS;
                case "h" -> ChronoUnit.HOURS;
                default -> ChronoUnit.MINUTES;
            };
            return Instant.now().minus(unit == ChronoUnit.WEEKS ? n * 7 : n, unit == ChronoUnit.WEEKS ? ChronoUnit.DAYS : unit);
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (RuntimeException e) {
            throw new Invalid("Date value '" + v + "' for field 'updated' is invalid. Valid formats include: "
                    + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
        }
    }

    private String value() {
        String t = next();
        if (t.startsWith("\"")) {
            return t.substring(1, t.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        if ("(),=".contains(t)) {
            throw new Invalid("Error in the JQL Query: Expecting a value but got '" + t + "'.");
        }
        return t;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new Invalid("Error in the JQL Query: Expecting more of the query (the query ends early).");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String t) {
        if (pos < tokens.size() && tokens.get(pos).equals(t)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!accept(t)) {
            throw new Invalid("Error in the JQL Query: Expecting '" + t + "' but got '"
                    + (pos < tokens.size() ? tokens.get(pos) : "the end of the query") + "'.");
        }
    }

    private boolean peekWord(String w) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(w);
    }

    private boolean acceptWord(String w) {
        if (peekWord(w)) {
            pos++;
            return true;
        }
        return false;
    }
}

package com.enreach.tools.netbox.writer.mapping;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one NetBox value is derived from golden attributes: the first rule whose {@code when} patterns all match
 * (regex search, on the attribute's text) and whose {@code value} template can be filled in wins; otherwise
 * {@code default} (also a template), which may be null.
 *
 * <p>Templates: literal text with {@code ${attribute}} placeholders; a placeholder whose attribute is missing or
 * blank makes that rule (or the default) not apply.
 */
public record Derivation(List<Rule> rules, String defaultValue) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    public Derivation {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** One rule: all patterns must find a match in their attribute. */
    public record Rule(Map<String, Pattern> when, String value) {
        public Rule {
            when = when == null ? Map.of() : Map.copyOf(when);
        }
    }

    public static Derivation constant(String value) {
        return new Derivation(List.of(), value);
    }

    /** The derived value, or null. {@code attrs} answers an attribute's text or null. */
    public String derive(Function<String, String> attrs) {
        for (Rule r : rules) {
            if (matches(r, attrs)) {
                String v = fill(r.value(), attrs);
                if (v != null) {
                    return v;
                }
            }
        }
        return defaultValue == null ? null : fill(defaultValue, attrs);
    }

    private static boolean matches(Rule r, Function<String, String> attrs) {
        for (Map.Entry<String, Pattern> w : r.when().entrySet()) {
            String v = attrs.apply(w.getKey());
            if (v == null || !w.getValue().matcher(v).find()) {
                return false;
            }
        }
        return true;
    }

    /** Fills a template; null when a placeholder has no value. */
    public static String fill(String template, Function<String, String> attrs) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = attrs.apply(m.group(1));
            if (v == null || v.isBlank()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.trim()));
        }
        m.appendTail(out);
        String s = out.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** The attribute names a template refers to. */
    public static List<String> placeholders(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

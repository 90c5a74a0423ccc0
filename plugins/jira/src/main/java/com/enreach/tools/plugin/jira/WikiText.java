package com.enreach.tools.plugin.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira wiki markup (Data Center's descriptions and comments) as plain text in the same shape {@link AdfText}
 * gives: only the most common markup is undone, conservatively, so that text is never lost. {@code {code}} and
 * {@code {noformat}} blocks are kept verbatim between {@code ```} fences and nothing inside them is touched; headings
 * {@code h2. } become {@code ## }, {@code *} and {@code #} lists become {@code - } and numbered items, tables become
 * {@code a | b} rows, {@code [text|url]} links keep their URL, {@code [~user]} becomes {@code @user}, and
 * {@code *bold*}, {@code _italic_}, {@code {{mono}}} and {@code {color}} / {@code {panel}} / {@code {quote}} tags lose their
 * markers only.
 */
final class WikiText {
    private static final Pattern BLOCK = Pattern.compile("\\{(code|noformat)(?::([^}]*))?\\}(.*?)\\{\\1\\}", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("\\{(?:color|panel|quote)(?::[^}]*)?\\}");
    private static final Pattern HEADING = Pattern.compile("^h([1-6])\\.\\s+");
    private static final Pattern LIST = Pattern.compile("^([*#-]+)\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]|\\[]+)\\|([^\\]\\[]+)\\]");
    private static final Pattern USER = Pattern.compile("\\[~(?:accountid:)?([^\\]]+)\\]");
    private static final Pattern BARE_LINK = Pattern.compile("\\[((?:https?|mailto|file):[^\\]\\s]+)\\]");
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*\\n]*?\\S)?)\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(\\S(?:[^_\\n]*?\\S)?)_(?![\\w_])");
    private static final Pattern MONO = Pattern.compile("\\{\\{(.+?)\\}\\}");
    private static final Pattern IMAGE = Pattern.compile("!([^!\\s|]+\\.(?:png|jpe?g|gif|svg|bmp))(?:\\|[^!\\n]*)?!", Pattern.CASE_INSENSITIVE);
    private static final String HOLD = "\u0000";

    private WikiText() {
    }

    /** The text of a wiki-markup body; null when absent or blank. */
    static String of(String wiki) {
        if (wiki == null || wiki.isBlank()) {
            return null;
        }
        List<String> code = new ArrayList<>();
        Matcher m = BLOCK.matcher(wiki.replace("\r\n", "\n").replace(HOLD, ""));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String lang = m.group(1).equals("code") && m.group(2) != null ? m.group(2).split("\\|")[0].trim() : "";
            if (lang.contains("=")) {
                lang = ""; // {code:title=x.sh} names a title, not a language
            }
            code.add("```" + lang + "\n" + m.group(3).replaceAll("^\n+|\n+$", "") + "\n```");
            m.appendReplacement(sb, Matcher.quoteReplacement("\n" + HOLD + (code.size() - 1) + HOLD + "\n"));
        }
        m.appendTail(sb);
        String text = lines(TAG.matcher(sb).replaceAll(""));
        for (int i = 0; i < code.size(); i++) {
            text = text.replace(HOLD + i + HOLD, code.get(i));
        }
        text = text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return text.isEmpty() ? null : text;
    }

    private static String lines(String s) {
        StringBuilder out = new StringBuilder();
        int[] numbers = new int[8];
        for (String line : s.split("\n", -1)) {
            String l = inline(line);
            Matcher h = HEADING.matcher(l);
            Matcher li = LIST.matcher(l);
            if (h.find()) {
                l = "#".repeat(Integer.parseInt(h.group(1))) + " " + l.substring(h.end());
            } else if (l.startsWith("bq. ")) {
                l = "> " + l.substring(4);
            } else if (l.startsWith("||") || (l.startsWith("|") && l.strip().endsWith("|") && l.strip().length() > 1)) {
                l = row(l.strip());
            } else if (li.matches() && !l.startsWith("----")) {
                String markers = li.group(1);
                int depth = Math.min(markers.length(), numbers.length) - 1;
                boolean numbered = markers.charAt(markers.length() - 1) == '#';
                for (int d = depth + 1; d < numbers.length; d++) {
                    numbers[d] = 0;
                }
                l = "  ".repeat(depth) + (numbered ? ++numbers[depth] + ". " : "- ") + li.group(2);
            }
            if (!li.matches()) {
                java.util.Arrays.fill(numbers, 0);
            }
            out.append(l).append('\n');
        }
        return out.toString();
    }

    /** A table row, header ({@code ||a||b||}) or not ({@code |a|b|}), as {@code a | b}. */
    private static String row(String l) {
        String cells = l.replaceAll("^\\|\\|?|\\|\\|?$", "");
        List<String> out = new ArrayList<>();
        for (String c : cells.split("\\|\\|?", -1)) {
            out.add(c.strip());
        }
        return String.join(" | ", out);
    }

    private static String inline(String line) {
        String l = line.replace("\\\\", "\n");
        l = USER.matcher(l).replaceAll(r -> Matcher.quoteReplacement("@" + r.group(1)));
        l = LINK.matcher(l).replaceAll(r -> Matcher.quoteReplacement(r.group(1).strip().equals(r.group(2).strip())
                ? r.group(2).strip() : r.group(1).strip() + " (" + r.group(2).strip() + ")"));
        l = BARE_LINK.matcher(l).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        l = IMAGE.matcher(l).replaceAll(r -> Matcher.quoteReplacement("[image: " + r.group(1) + "]"));
        l = MONO.matcher(l).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        if (!LIST.matcher(l).matches() || !l.startsWith("*")) {
            l = BOLD.matcher(l).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        } else {
            Matcher li = LIST.matcher(l);
            li.matches();
            l = li.group(1) + " " + BOLD.matcher(li.group(2)).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        }
        return ITALIC.matcher(l).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }
}

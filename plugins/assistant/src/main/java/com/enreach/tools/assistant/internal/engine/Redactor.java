package com.enreach.tools.assistant.internal.engine;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text and replaces them with {@code [redacted]}: assignments of password/secret/token/key-like
 * names, PEM private keys, bearer tokens, the platform's own {@code enr_} tokens, vendor API keys, credentials in
 * URLs, SNMP communities and the secret lines of device configurations; runs of device-configuration lines are
 * withheld whole. Over-redaction is preferred to a leak.
 */
final class Redactor {
    static final String MARK = "[redacted]";
    static final String CONFIG_WITHHELD = "[device configuration withheld]";

    private static final String KEY_WORDS = "(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth[_-]?key|pre-shared-key|psk)";

    // Every pattern that starts with a repeated character class starts only where such a run starts (look-behind) and
    // repeats possessively: otherwise a long run of word characters costs quadratic time (measured: minutes for 24 kB).

    /** A rule: the pattern and how to rewrite one match (keeping what identifies the value, dropping the value). */
    private record Rule(Pattern pattern, Function<Matcher, String> replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END \\1PRIVATE KEY-----|\\z)"),
                    m -> "[redacted private key]"),
            // JSON / YAML-quoted: "password": "..."
            new Rule(Pattern.compile("(\"([\\w.-]{1,64}+)\"\\s*+:\\s*+)\"(?:[^\"\\\\]|\\\\.)*+\""),
                    m -> secretName(m.group(2)) ? m.group(1) + "\"" + MARK + "\"" : m.group()),
            new Rule(Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9\\-._~+/]{8,}=*"), m -> m.group(1) + " " + MARK),
            new Rule(Pattern.compile("\\benr_[A-Za-z0-9_-]{12,}"), m -> MARK),
            new Rule(Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"), m -> MARK),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), m -> MARK),
            new Rule(Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]{10,})"), m -> MARK),
            // scheme://user:password@host
            new Rule(Pattern.compile("(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*+://[^\\s:/@]++:)[^\\s@/]++@"),
                    m -> m.group(1) + MARK + "@"),
            // Cisco-style: enable secret 5 <hash>, username x privilege 15 secret 5 <hash>, ... password 7 <hash>
            new Rule(Pattern.compile("(?im)^(\\s*(?:enable|username\\s+\\S+(?:\\s+privilege\\s+\\d+)?)\\s+(?:secret|password)"
                    + "(?:\\s+\\d{1,2})?\\s+)\\S+"), m -> m.group(1) + MARK),
            new Rule(Pattern.compile("(?im)^(\\s*(?:tacacs-server|radius-server|tacacs|radius)\\b[^\\n]*?\\bkey(?:\\s+\\d{1,2})?\\s+)\\S+"),
                    m -> m.group(1) + MARK),
            new Rule(Pattern.compile("(?i)\\b(snmp-server\\s+community|snmp\\s+community|(?:ro|rw)community6?|community-string)"
                    + "(\\s+)(\"[^\"]*\"|\\S+)"), m -> m.group(1) + m.group(2) + MARK),
            // key=value, key: value, key = "value"
            new Rule(Pattern.compile("(?<![\\w.-])([\\w.-]{1,64}+)(\\s*+[=:]\\s*+)(\"[^\"\\n]*+\"|'[^'\\n]*+'|[^\\s,;]++)"),
                    m -> !secretName(m.group(1)) || m.group(3).equals(MARK) || m.group(3).equals("\"" + MARK + "\"")
                            ? m.group() : m.group(1) + m.group(2) + MARK));

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)" + KEY_WORDS);

    /** A name of a value that holds a secret: it contains one of the secret words. */
    private static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /** Lines that only a device configuration has; a run of {@link #CONFIG_RUN} of them is withheld. */
    private static final Pattern CONFIG_LINE = Pattern.compile("^\\s*(?:!|interface \\S|hostname \\S|ip address \\d|ip route \\d"
            + "|router (?:bgp|ospf|eigrp)|vlan \\d|line (?:vty|con)|snmp-server |aaa |logging (?:host|\\d)|ntp server"
            + "|switchport |spanning-tree |no shutdown|shutdown$|description |access-list |crypto |service "
            + "|set (?:interfaces|system|protocols|snmp|security|policy-options|routing-options) |end$|exit$)");
    static final int CONFIG_RUN = 5;

    private Redactor() {
    }

    static Result redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Result(text == null ? "" : text, 0);
        }
        int[] count = {0};
        String out = withholdConfigs(text, count);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder b = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                String replacement = rule.replacement().apply(m);
                if (!replacement.equals(m.group())) {
                    count[0]++;
                    any = true;
                }
                m.appendReplacement(b, Matcher.quoteReplacement(replacement));
            }
            if (any) {
                m.appendTail(b);
                out = b.toString();
            }
        }
        return new Result(out, count[0]);
    }

    private static String withholdConfigs(String text, int[] count) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < lines.length) {
            int j = i;
            while (j < lines.length && CONFIG_LINE.matcher(lines[j]).find()) {
                j++;
            }
            if (j - i >= CONFIG_RUN) {
                b.append(CONFIG_WITHHELD).append(j < lines.length ? "\n" : "");
                count[0]++;
                i = j;
            } else {
                int end = Math.max(j, i + 1);
                for (int k = i; k < end; k++) {
                    b.append(lines[k]).append(k < lines.length - 1 ? "\n" : "");
                }
                i = end;
            }
        }
        return b.toString();
    }

    record Result(String text, int redactions) {
    }
}

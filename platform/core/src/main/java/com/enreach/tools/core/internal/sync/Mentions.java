package com.enreach.tools.core.internal.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;


/**
 * Finds the host names, FQDNs and IP addresses a text mentions, normalised the way identity keys are (lower case, no
 * trailing dot, canonical IPs), so they can be matched against the inventory when read. A host name must look like
 * one (a letter first, and a digit or a hyphen: {@code web01}, {@code esx-ams-0003}); an FQDN must end in a
 * letters-only label that is not a file extension ({@code config.yaml} and {@code 1.2.3} are no hosts).
 */
public final class Mentions {
    public static final String FQDN = "fqdn";
    public static final String IP = "ip";
    public static final String HOST = "host";
    /** At most this many distinct mentions per content: a log dump pasted into a ticket must not flood the table. */
    public static final int MAX_PER_CONTENT = 500;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern TICKET_KEY = Pattern.compile("[A-Z][A-Z0-9]+-\\d+");
    /** A one-letter part makes a hyphenated word ("a-b", "e-mail"), not a host. */
    private static final Pattern ONE_LETTER_PART = Pattern.compile("(^|-)[a-z](-|$)");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,24}");
    /** Endings of file names and code identifiers that would otherwise pass for top-level domains. */
    private static final Set<String> NOT_TLDS = Set.of("yaml", "yml", "json", "xml", "conf", "cfg", "config", "ini", "toml", "txt", "log",
            "md", "rst", "adoc", "html", "htm", "css", "js", "ts", "jsx", "tsx", "mjs", "java", "class", "jar", "war", "py", "pyc", "rb",
            "go", "rs", "pl", "pm", "php", "sh", "bash", "zsh", "ps1", "bat", "cmd", "exe", "dll", "so", "dylib", "sql", "db", "sqlite",
            "csv", "tsv", "properties", "pem", "crt", "cer", "csr", "key", "pub", "p12", "pfx", "jks", "gz", "tgz", "bz2", "xz", "zst",
            "zip", "tar", "rar", "deb", "rpm", "iso", "img", "qcow2", "vmdk", "ova", "ovf", "vmx", "png", "jpg", "jpeg", "gif", "svg",
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "bak", "tmp", "swp", "old", "orig", "pid", "sock", "lock", "service",
            "timer", "socket", "target", "mount", "repo", "list", "d", "j2", "tpl", "tmpl", "erb", "patch", "diff", "out", "err", "mk",
            "cmake", "gradle", "pom", "lst", "dat", "bin", "hex", "cpp", "hpp", "cc", "h", "c", "cs", "kt", "scala", "lua", "vim", "env");

    /** One distinct mention: the normalised token, its kind, and the text as first written. */
    public record Mention(String token, String kind, String text) {
    }

    private Mentions() {
    }

    /** The distinct mentions of some texts (null ones skipped), in order of first appearance. */
    public static List<Mention> in(String... texts) {
        Map<String, Mention> found = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            // tokens are found by scanning, not by a regex with repeated groups: a long dotted run cannot exhaust the stack
            scan(text, found, false);
            scan(text, found, true);
        }
        return List.copyOf(found.values());
    }

    /** Maximal runs of name characters (letters, digits, '-', '.'), or of IPv6 characters (hex digits, ':', '.'). */
    private static void scan(String text, Map<String, Mention> found, boolean v6) {
        int n = text.length();
        int i = 0;
        while (i < n && found.size() < MAX_PER_CONTENT) {
            if (!part(text.charAt(i), v6)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && part(text.charAt(i), v6)) {
                i++;
            }
            char before = start > 0 ? text.charAt(start - 1) : ' ';
            char after = i < n ? text.charAt(i) : ' ';
            if (word(before) || word(after) || before == '@' || !v6 && after == ':' && text.startsWith("::", i)) {
                continue; // part of a longer word, an e-mail address, or an IPv6 address
            }
            Mention m = v6 ? ipv6(text.substring(start, i)) : name(text.substring(start, i));
            if (m != null) {
                found.putIfAbsent(m.token(), m);
            }
        }
    }

    private static boolean part(char c, boolean v6) {
        boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        return v6 ? hex || c == ':' || c == '.' : hex || c >= 'g' && c <= 'z' || c >= 'G' && c <= 'Z' || c == '-' || c == '.';
    }

    /** Characters that glue onto a run and make it part of something else ({@code snake_case}, other words). */
    private static boolean word(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** A run of name characters as a mention: dots at its end are punctuation; labels must be well formed. */
    private static Mention name(String run) {
        String s = run;
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 253 || s.charAt(0) == '.' || s.charAt(0) == '-') {
            return null;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return null;
            }
        }
        return classify(s);
    }

    /** A name-like token as an IPv4 address, FQDN or host name, or null when it is none. */
    static Mention classify(String raw) {
        String written = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        String s = written.toLowerCase(Locale.ROOT);
        if (IPV4.matcher(s).matches()) {
            try {
                return new Mention(Normalize.ip(s).address(), IP, written);
            } catch (IllegalArgumentException e) {
                return null; // 999.1.1.1
            }
        }
        int dot = s.lastIndexOf('.');
        if (dot > 0) {
            String tld = s.substring(dot + 1);
            if (!TLD.matcher(tld).matches() || NOT_TLDS.contains(tld) || s.length() > 253 || !Character.isLetterOrDigit(s.charAt(0))) {
                return null;
            }
            return new Mention(s, FQDN, written);
        }
        if (s.length() < 3 || !Character.isLetter(s.charAt(0)) || TICKET_KEY.matcher(written).matches()) {
            return null;
        }
        boolean digit = false;
        boolean hyphen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            digit |= c >= '0' && c <= '9';
            hyphen |= c == '-';
        }
        if (!digit && (!hyphen || s.length() < 5 || ONE_LETTER_PART.matcher(s).find())) {
            return null;
        }
        return new Mention(s, HOST, written);
    }

    private static Mention ipv6(String run) {
        String raw = run;
        while (raw.endsWith(".")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        if (raw.length() > 45 || raw.chars().filter(c -> c == ':').count() < 2 || raw.chars().noneMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            Normalize.Ip ip = Normalize.ip(raw);
            return ip.family() == 6 ? new Mention(ip.address().toLowerCase(Locale.ROOT), IP, raw) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package com.enreach.tools.assistant.internal.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level text similarity without a model, and the machine names in a text. Used when no embedding model is bound,
 * and for signals that must not depend on the search engine's scores (those are comparable within one result only).
 */
public final class Texts {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    private static final Pattern IP = Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b");
    private static final Pattern FQDN = Pattern.compile("\\b(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)+\\.[a-z]{2,}\\b",
            Pattern.CASE_INSENSITIVE);
    /** A host-like short name: letters and digits joined by dashes, with at least one digit ({@code esx-ams-0003}, {@code web01}). */
    private static final Pattern HOST = Pattern.compile("\\b(?=[a-z0-9-]*\\d)(?=[a-z0-9-]*[a-z])[a-z][a-z0-9]*(?:-[a-z0-9]+)+\\b|\\b[a-z]{2,}\\d{2,}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "are", "was", "were",
            "be", "been", "it", "its", "this", "that", "with", "as", "at", "by", "from", "not", "no", "but", "if", "then", "so", "we",
            "our", "they", "their", "has", "have", "had", "do", "does", "did", "can", "will", "would", "should", "there", "after",
            "before", "into", "out", "up", "all", "any", "some", "one", "also", "than", "when", "which", "who", "what", "how", "i",
            "you", "he", "she", "them", "his", "her", "my", "me", "us", "since", "still", "only", "again", "about", "see", "new");

    private Texts() {
    }

    /**
     * The words of a text, lower case, stop words dropped. Tokens with digits are reduced to their shape
     * ({@code esx-ams-0003} becomes {@code esx-ams-#}) so texts about different machines of one kind still match.
     */
    public static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() < 2 || STOP.contains(w)) {
                continue;
            }
            out.add(shape(w));
        }
        return out;
    }

    static String shape(String w) {
        return DIGITS.matcher(w).find() ? DIGITS.matcher(w).replaceAll("#") : w;
    }

    /** Cosine of two word sets (|A∩B| / sqrt(|A|·|B|)), 0..1. */
    public static double cosine(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String w : small) {
            if (large.contains(w)) {
                common++;
            }
        }
        return common / Math.sqrt((double) a.size() * b.size());
    }

    /** Share of {@code a}'s words that {@code b} has, 0..1. */
    public static double containment(Set<String> a, Set<String> b) {
        if (a.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / a.size();
    }

    /** Cosine of two L2-normalised vectors, clamped to 0..1. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return Math.max(0, Math.min(1, dot));
    }

    /**
     * Similarity of words to an article: the best cosine over its passages of about {@code passageWords} words (with the
     * title), so an article about many things matches on the part that is about them.
     */
    public static double passageSimilarity(Set<String> words, String title, String body, int passageWords) {
        String[] tokens = (body == null ? "" : body).split("\\s+");
        double best = cosine(words, words(title));
        for (int i = 0; i < tokens.length; i += passageWords / 2) {
            String passage = String.join(" ", java.util.Arrays.copyOfRange(tokens, i, Math.min(tokens.length, i + passageWords)));
            best = Math.max(best, cosine(words, words(title + " " + passage)));
            if (i + passageWords >= tokens.length) {
                break;
            }
        }
        return best;
    }

    /** IP addresses, FQDNs and host-like names in a text, in order of appearance, each once (a name inside an FQDN is not repeated). */
    public static List<String> machineNames(String text) {
        if (text == null) {
            return new ArrayList<>();
        }
        List<int[]> taken = new ArrayList<>();
        for (Pattern p : List.of(IP, FQDN, HOST)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (taken.stream().noneMatch(t -> s < t[1] && e > t[0])) { // not a part of an FQDN or address already taken
                    taken.add(new int[] {s, e});
                }
            }
        }
        taken.sort(java.util.Comparator.comparingInt(t -> t[0]));
        Set<String> out = new LinkedHashSet<>();
        for (int[] t : taken) {
            // an address with a prefix length (10.255.0.0/16) names a network, not a machine
            if (!(t[1] + 1 < text.length() && text.charAt(t[1]) == '/' && Character.isDigit(text.charAt(t[1] + 1))
                    && isIp(text.substring(t[0], t[1])))) {
                out.add(text.substring(t[0], t[1]).toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    public static boolean isIp(String s) {
        return IP.matcher(s).matches();
    }

    /** At most {@code max} characters, cut at a word boundary when possible. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return (space > max / 2 ? t.substring(0, space) : t.substring(0, max - 1)) + "…";
    }
}

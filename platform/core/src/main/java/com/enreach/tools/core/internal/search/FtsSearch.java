package com.enreach.tools.core.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Free text to an FTS5 query over the {@code device_search} index (see V20__search.sql). Each whitespace-separated
 * term becomes a quoted phrase, so FTS syntax in user text ({@code NEAR}, {@code *}, {@code "}, {@code -}, {@code :},
 * {@code AND/OR/NOT}) is never interpreted; the index's tokenizer (unicode61, diacritics removed, case folded) splits
 * the phrase exactly as it split the indexed text, so {@code web01.prod} is the phrase "web01 prod". The last token
 * of a term matches as a prefix ({@code esx-} finds {@code esx-ams-0001}). A MAC address in any usual form is looked
 * up by its 12 bare hex digits only, which the index holds for every interface (MACs are searched on interfaces).
 */
public final class FtsSearch implements SearchService {
    private static final Pattern MAC = Pattern.compile(
            "(?i)([0-9a-f]{1,2}([:-])[0-9a-f]{1,2}(\\2[0-9a-f]{1,2}){4})|([0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4})|([0-9a-f]{12})");
    /** Terms beyond this are ignored: a query is for finding devices, not for loading the FTS engine. */
    static final int MAX_TERMS = 16;

    @Override
    public List<String> ftsTerms(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> phrases = new ArrayList<>();
        for (String term : text.trim().split("\\s+")) {
            if (phrases.size() == MAX_TERMS) {
                break;
            }
            String mac = compactMac(term);
            if (mac != null) {
                // Only the bare form: a phrase of MAC groups ("00" "14" ...) would read the lists of very common tokens.
                phrases.add("\"" + mac + "\"");
            } else if (term.codePoints().anyMatch(Character::isLetterOrDigit)) {
                phrases.add(phrase(term));
            }
        }
        return List.copyOf(phrases);
    }

    private static String phrase(String term) {
        return phrase(term, true);
    }

    /**
     * One term of user text as an FTS5 phrase: quoted (with quotes doubled), so FTS syntax in it is never
     * interpreted; {@code prefix}: its last token matches as a prefix. The one quoting rule of every FTS query of the
     * core (devices here, articles and tickets in the knowledge base).
     */
    public static String phrase(String term, boolean prefix) {
        return "\"" + term.replace("\"", "\"\"") + (prefix ? "\"*" : "\"");
    }

    /** A MAC in colon, dash, Cisco dotted or bare form, unpadded groups allowed, as 12 lower-case hex digits; else null. */
    static String compactMac(String term) {
        if (!MAC.matcher(term).matches()) {
            return null;
        }
        StringBuilder b = new StringBuilder(12);
        if (term.indexOf(':') >= 0 || term.indexOf('-') >= 0) {
            for (String group : term.split("[:-]")) {
                b.append(group.length() == 1 ? "0" : "").append(group);
            }
        } else {
            b.append(term.replace(".", ""));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}

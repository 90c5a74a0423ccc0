package com.enreach.tools.core.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Free text to an FTS5 query over the {@code device_search} index (see V20__search.sql). Each whitespace-separated
 * term becomes a quoted phrase, so FTS syntax in user text ({@code NEAR}, {@code *}, {@code "}, {@code -}, {@code :},
 * {@code AND/OR/NOT}) is never interpreted; the index's tokenizer (unicode61, diacritics removed, case folded) splits
 * the phrase exactly as it split the indexed text, so {@code web01.prod} is the phrase "web01 prod". The last token
 * of a term matches as a prefix ({@code esx-} finds {@code esx-ams-0001}). A MAC address in any usual form is looked
 * up by its 12 bare hex digits only, which the index holds for every interface (MACs are searched on interfaces).
 * <p>
 * On PostgreSQL the same terms become {@code to_tsquery} text over the {@code terms} tsvector of the index tables
 * (V32__postgresql_baseline.sql): a term is split at white space and ASCII punctuation as {@code search_words()}
 * splits the documents, its parts are quoted lexemes joined by {@code <->} (followed by), the last one a prefix
 * ({@code :*}); nothing of the user's text is ever read as tsquery syntax.
 */
public final class FtsSearch implements SearchService {
    private static final Pattern MAC = Pattern.compile(
            "(?i)([0-9a-f]{1,2}([:-])[0-9a-f]{1,2}(\\2[0-9a-f]{1,2}){4})|([0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4})|([0-9a-f]{12})");
    /** Terms beyond this are ignored: a query is for finding devices, not for loading the FTS engine. */
    static final int MAX_TERMS = 16;

    /** The text search configuration of the PostgreSQL index tables. */
    public static final String CONFIG = "enreach_search";
    /**
     * What {@code search_words()} (V32__postgresql_baseline.sql) turns into a word break: white space, ASCII
     * punctuation; and control characters, which the text search parser drops (and PostgreSQL text cannot hold NUL).
     */
    private static final Pattern BREAK = Pattern.compile("[\\s\\p{Punct}\\p{Cntrl}]+");

    @Override
    public List<String> ftsTerms(String text, Dialect dialect) {
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
                phrases.add(dialect.postgres() ? tsPhrase(mac, false) : "\"" + mac + "\"");
            } else if (term.codePoints().anyMatch(Character::isLetterOrDigit)) {
                phrases.add(dialect.postgres() ? tsPhrase(term, true) : phrase(term));
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

    /**
     * The PostgreSQL counterpart of {@link #phrase}: one term of user text as {@code to_tsquery} text, or null when
     * it has no letter or digit. The term is split where {@code search_words()} splits the indexed text, each part
     * with a letter or digit becomes a quoted lexeme (a quote or backslash in it escaped, though the split leaves
     * none), the parts joined by {@code <->} in order; {@code prefix}: the last part matches as a prefix. Inside the
     * quotes {@code to_tsquery} only runs the configuration's parser and dictionaries over the part, as
     * {@code to_tsvector} did over the document, so {@code &}, {@code |}, {@code !}, {@code :*} or {@code <->} in user
     * text are never operators.
     */
    public static String tsPhrase(String term, boolean prefix) {
        List<String> parts = new ArrayList<>();
        for (String part : BREAK.split(term)) {
            if (part.codePoints().anyMatch(Character::isLetterOrDigit)) {
                parts.add("'" + part.replace("\\", "\\\\").replace("'", "''") + "'");
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (prefix) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + ":*");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" <-> ", parts) + ")";
    }

    /** Expressions (of {@link #ftsTerms} or {@link #tsPhrase}) that must all match, as one query of the engine. */
    public static String all(Dialect dialect, List<String> expressions) {
        return String.join(dialect.postgres() ? " & " : " AND ", expressions);
    }

    /** Expressions of which any may match, as one query of the engine. */
    public static String any(Dialect dialect, List<String> expressions) {
        return String.join(dialect.postgres() ? " | " : " OR ", expressions);
    }

    /**
     * The ids of the devices whose search document matches a query bound as the one parameter (an expression of
     * {@link #ftsTerms} or several joined by {@link #all}).
     */
    public static String matchingDevices(Dialect dialect) {
        return dialect.postgres() ? "SELECT device_id FROM device_search WHERE terms @@ to_tsquery('" + CONFIG + "', ?)"
                : "SELECT rowid FROM device_search WHERE device_search MATCH ?";
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

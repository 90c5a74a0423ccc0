package com.enreach.tools.core.internal.search;

import java.util.List;

/**
 * Free-text device search as the query layer applies it. The built-in implementation is the SQLite FTS5 index
 * ({@link FtsSearch}); a vector index plugin can later supply another and have its matches combined with these.
 */
public interface SearchService {

    /**
     * FTS5 MATCH expressions for a user's free text, one per term (a device must match all, each term in any of its
     * documents), with every FTS operator taken literally; empty when the text has nothing searchable (only
     * punctuation), which matches no device.
     */
    List<String> ftsTerms(String text);
}

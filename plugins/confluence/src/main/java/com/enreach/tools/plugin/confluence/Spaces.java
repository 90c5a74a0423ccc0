package com.enreach.tools.plugin.confluence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.plugin.confluence.Pages.Space;

/** The configured space keys against what the site showed. */
final class Spaces {
    private Spaces() {
    }

    /** The spaces in configured order; a key the site did not show is a permanent error naming it. */
    static List<Space> inOrder(List<String> keys, Map<String, Space> found) throws PermanentSourceException {
        List<Space> out = new ArrayList<>();
        for (String key : keys) {
            Space s = found.get(key);
            if (s == null) {
                throw missing(key);
            }
            out.add(s);
        }
        return out;
    }

    static PermanentSourceException missing(String key) {
        return new PermanentSourceException("space_not_found", "spaces", "Confluence space " + key
                + " does not exist or this account may not view it (check spaces and the account's space permissions)",
                null, null);
    }

    /** The comma-separated {@code spaces} value as keys: trimmed, no empties, no duplicates. */
    static List<String> parse(String value) {
        List<String> keys = new ArrayList<>();
        if (value != null) {
            for (String k : value.split(",")) {
                String t = k.trim();
                if (!t.isEmpty() && !keys.contains(t)) {
                    keys.add(t);
                }
            }
        }
        return keys;
    }
}

package com.enreach.tools.plugin.confluence;

import java.time.Instant;
import java.util.List;

/** What the two REST dialects read, in one shape. */
final class Pages {
    private Pages() {
    }

    /** A space to cache: its id (v2 lists pages by id), key and name. */
    record Space(String id, String key, String name) {
    }

    /**
     * A listed page, without body: enough to decide whether it changed.
     *
     * @param ancestors titles root-first when the listing carries them (v1), else null (worked out from the listing)
     */
    record PageRef(String id, String title, String parentId, int version, List<String> ancestors) {
        /**
         * The revision stored with the article: version, parent, space and the ancestors' titles, so that a move,
         * or a renamed ancestor (whose path the article shows), counts as a change.
         */
        static String revision(int version, String parentId, String spaceKey, List<String> ancestors) {
            String r = "v" + version + " p" + (parentId == null ? "-" : parentId) + " s" + spaceKey;
            // String.hashCode is specified, so the marker is the same in every JVM
            return ancestors.isEmpty() ? r : r + " a" + Integer.toHexString(String.join("\u001f", ancestors).hashCode());
        }
    }

    /** A page read in full. {@code ancestors} may be null (v2: taken from the listing). */
    record Page(String id, String title, String parentId, int version, String storage, List<String> labels,
                String author, String authorId, Instant updated, String url, List<String> ancestors) {
        Page withAuthor(String name) {
            return new Page(id, title, parentId, version, storage, labels, name, authorId, updated, url, ancestors);
        }
    }

    /** A fetched page, or why it could not be read although it was listed (deleted meanwhile, hidden). */
    record Fetched(Page page, String missingReason) {
    }
}

package com.enreach.tools.plugin.demo;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One page of the demo wiki: a stable id, its place in the space's page tree and how to write its body (HTML) about
 * the estate. {@code parentId} 0 marks a space's home page;
 * {@code written} is when it was last changed before the anchor, null for a time of its own.
 */
record WikiPage(long id, String space, String title, long parentId, List<String> labels, Function<WikiPage.Ctx, String> body, Instant written) {

    WikiPage(long id, String space, String title, long parentId, List<String> labels, Function<WikiPage.Ctx, String> body) {
        this(id, space, title, parentId, labels, body, null);
    }

    /** What a page body is written from: the estate's machines and the page's own random choices. */
    record Ctx(Subjects s, SplittableRandom r) {
        Estate e() {
            return s.e;
        }
    }

    /** A page written at a known time (a post-mortem, after its incident). */
    WikiPage writtenAt(Instant at) {
        return new WikiPage(id, space, title, parentId, labels, body, at);
    }
}

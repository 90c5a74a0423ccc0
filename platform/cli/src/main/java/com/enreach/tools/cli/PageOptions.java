package com.enreach.tools.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Option;

/** Paging of list commands, and the "N of COUNT" line under their tables. */
final class PageOptions {
    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (server default 50, max 1000).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N rows.")
    Integer offset;

    /** {@code 50 of 3000 devices (next: --offset 50)} under a table. */
    void printCount(PrintWriter out, JsonNode page, String what) {
        int shown = page.path("results").size();
        long count = page.path("count").asLong(shown);
        int from = offset == null ? 0 : offset;
        out.println(shown + " of " + count + " " + what + (page.hasNonNull("next") ? " (next page: --offset " + (from + shown) + ")" : ""));
        out.flush();
    }
}

package com.enreach.tools.plugin.confluence;

import java.util.List;

import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.plugin.confluence.Pages.Fetched;
import com.enreach.tools.plugin.confluence.Pages.Page;
import com.enreach.tools.plugin.confluence.Pages.PageRef;
import com.enreach.tools.plugin.confluence.Pages.Space;

/** One REST dialect (Cloud v2, Data Center v1): each method runs its requests under the run's retry policy. */
interface ConfluenceApi {

    /**
     * The configured spaces, in the order given.
     *
     * @throws SourceException a permanent failure naming the space when one is missing or may not be read
     */
    List<Space> spaces(List<String> keys) throws SourceException;

    /** Every current page of a space, without bodies (one request per listing page). */
    List<PageRef> pages(Space space) throws SourceException;

    /** One page in full (body, labels, author), or why it could not be read. */
    Fetched page(Space space, PageRef ref) throws SourceException;

    /** Receives pages read in full, one listing page at a time. */
    @FunctionalInterface
    interface PageBatch {
        void accept(List<Page> pages) throws SourceException;
    }

    /**
     * Reads the wanted pages of a space by listing it with bodies, when the dialect can and that costs fewer
     * requests than reading them one by one; pages not wanted are skipped.
     *
     * @param listed how many pages the space's listing had
     * @return false (having read nothing) when the pages are to be read one by one instead
     */
    default boolean listInFull(Space space, int listed, java.util.Set<String> wanted, PageBatch batch) throws SourceException {
        return false;
    }

    /** Turns account ids into display names where the dialect gives only ids; the default leaves pages as they are. */
    default List<Page> withAuthorNames(List<Page> pages) throws SourceException {
        return pages;
    }

    /** A link to a page in the web UI from its id alone (no request, no credentials); null without a base. */
    String pageLink(String id);
}

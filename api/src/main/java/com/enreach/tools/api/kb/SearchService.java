package com.enreach.tools.api.kb;

import org.osgi.annotation.versioning.ProviderType;

/** Searches articles and tickets. Implemented by the core; never fails because a plugin is missing. */
@ProviderType
public interface SearchService {

    /** @throws com.enreach.tools.api.ApiException INVALID for an empty or too long text or an invalid filter */
    SearchResult search(SearchQuery query);
}

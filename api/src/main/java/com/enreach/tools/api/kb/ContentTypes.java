package com.enreach.tools.api.kb;

import java.util.Set;

/** The kinds of knowledge content; also the {@code content_type} of embeddings and search hits. */
public final class ContentTypes {
    public static final String ARTICLE = "article";
    public static final String TICKET = "ticket";
    public static final Set<String> ALL = Set.of(ARTICLE, TICKET);

    private ContentTypes() {
    }
}

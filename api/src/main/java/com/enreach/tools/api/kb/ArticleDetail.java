package com.enreach.tools.api.kb;

import java.util.List;

/**
 * An article with its sanitised HTML (safe to insert into a page), its structured text, the inventory entities it
 * mentions, and its vectorisation state.
 */
public record ArticleDetail(Article article, String bodyHtml, String bodyText, List<EntityMention> entities,
                            VectorState vectors) {
}

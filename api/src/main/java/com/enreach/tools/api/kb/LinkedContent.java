package com.enreach.tools.api.kb;

import java.time.Instant;

/**
 * An article or ticket that mentions an entity (for the entity's page).
 *
 * @param contentType {@link ContentTypes#ARTICLE} or {@link ContentTypes#TICKET}
 * @param title       the article's title, or the ticket's key and summary
 * @param status      the ticket's status, or null for an article
 * @param mention     the text that matched the entity
 */
public record LinkedContent(String contentType, long id, String title, String url, String status, Instant updated,
                            String mention) {
}

package com.enreach.tools.api.kb;

/**
 * An inventory entity that a piece of content mentions.
 *
 * @param mention   the text found in the content ({@code web01.prod.example.com}, {@code 10.1.2.3}, {@code esx-ams-0003})
 * @param matchedBy how it matched: {@code fqdn}, {@code ip}, {@code name}
 */
public record EntityMention(long entityId, String entityName, String entityType, String mention, String matchedBy) {
}

package com.enreach.tools.assistant.internal.resolve;

import java.util.List;

import com.enreach.tools.api.ai.Citation;

/**
 * What a suggestion is built from: the problem, similar resolved tickets and relevant articles (best first, with
 * their word-overlap similarity to the problem), the affected entities, and the agreement between the sources.
 */
record Evidence(String problem, String ticketKey, List<Source> tickets, List<Source> articles, List<Citation> entities,
                double agreement) {

    /**
     * A similar ticket or an article: {@code text} is the resolution (tickets) or the structured body (articles);
     * {@code fullText} what the ticket says in all (description and comments), for agreement.
     */
    record Source(String kind, long id, String key, String title, String url, double similarity, String text,
                  String fullText) {
        String link() {
            return ("ticket".equals(kind) ? "#/ext/tickets?id=" : "#/ext/articles?id=") + id;
        }
    }

    double bestTicket() {
        return tickets.isEmpty() ? 0 : tickets.get(0).similarity();
    }

    double bestArticle() {
        return articles.isEmpty() ? 0 : articles.get(0).similarity();
    }
}

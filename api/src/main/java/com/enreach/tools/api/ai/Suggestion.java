package com.enreach.tools.api.ai;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A suggested resolution.
 *
 * @param problem          the problem as understood (the ticket's summary and description, or the text)
 * @param steps            numbered steps, in order (without the numbers); each may end with citation markers
 * @param references       the sources cited by the steps
 * @param similarTickets   resolved tickets like this one, best first
 * @param articles         relevant articles, best first
 * @param entities         affected entities (named in the problem or in the ticket)
 * @param confidence       0..1; its meaning is documented (docs/suggestions.md): the share of suggestions at this level
 *                         that the labelled set found correct
 * @param confidenceLabel  {@code low}, {@code medium} or {@code high}
 * @param confidenceBasis  the signals that made it (retrieval similarity, agreement, provider assessment), by name
 * @param extractive       no language model was used (the offline provider)
 */
public record Suggestion(long id, String ticketKey, String problem, List<String> steps, List<Citation> references,
                         List<SimilarItem> similarTickets, List<SimilarItem> articles, List<Citation> entities,
                         double confidence, String confidenceLabel, Map<String, Double> confidenceBasis,
                         String provider, String model, boolean extractive, String createdBy, Instant createdAt,
                         List<SuggestionFeedback> feedback) {
    public Suggestion {
        steps = steps == null ? List.of() : List.copyOf(steps);
        references = references == null ? List.of() : List.copyOf(references);
        similarTickets = similarTickets == null ? List.of() : List.copyOf(similarTickets);
        articles = articles == null ? List.of() : List.copyOf(articles);
        entities = entities == null ? List.of() : List.copyOf(entities);
        confidenceBasis = confidenceBasis == null ? Map.of() : Map.copyOf(confidenceBasis);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    /**
     * A similar ticket or relevant article: {@code kind} {@code ticket} or {@code article}, the master-database id, the
     * key (ticket key) or title, the similarity (0..1), and for tickets the resolution text found (resolution field or
     * last comment).
     */
    public record SimilarItem(String kind, long id, String key, String title, double similarity, String resolution,
                              String link, String url) {
    }
}

package com.enreach.tools.assistant.internal.resolve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.assistant.internal.AssistantContext;

/**
 * suggest_resolution and feedback: finds the evidence (similar resolved tickets, articles, affected entities), writes
 * numbered steps (extractive offline; by the provider otherwise, falling back to extractive when its reply cannot be
 * read), scores a calibrated confidence ({@link Confidence}) and stores the suggestion.
 */
public class Resolver {
    static final int MAX_TEXT = 20_000;
    static final int MAX_COMMENT = 2_000;

    private final AssistantContext context;

    public Resolver(AssistantContext context) {
        this.context = context;
    }

    public Suggestion suggest(SuggestRequest request, String actor) {
        if (request == null) {
            throw ApiException.invalid("ticket_key", "give a ticket_key or a text");
        }
        boolean hasKey = request.ticketKey() != null && !request.ticketKey().isBlank();
        boolean hasText = request.text() != null && !request.text().isBlank();
        if (hasKey == hasText) {
            throw ApiException.invalid(hasKey ? "text" : "ticket_key",
                    hasKey ? "give either ticket_key or text, not both" : "give a ticket_key (e.g. OPS-12) or a text describing the problem");
        }
        if (hasText && request.text().length() > MAX_TEXT) {
            throw ApiException.invalid("text", "the text is longer than " + MAX_TEXT + " characters");
        }
        AiProvider provider = context.provider(request.provider());
        TicketDetail self = null;
        String problem;
        if (hasKey) {
            String key = request.ticketKey().strip();
            self = context.knowledge().ticketByKey(key).orElseThrow(() -> ApiException.notFound("ticket", key));
            problem = (self.ticket().summary() + "\n\n" + (self.description() == null ? "" : self.description())).strip();
        } else {
            problem = request.text().strip();
        }

        Evidence evidence = new EvidenceFinder(context).find(problem, self);
        Steps.Drafted drafted = null;
        Double assessment = null;
        String fallback = null;
        boolean generating = !"offline".equals(provider.kind());
        if (generating) {
            ProviderSteps.Result r = ProviderSteps.generate(evidence, provider, context.guard(), actor);
            drafted = r.drafted();
            assessment = r.assessment();
            fallback = r.failure();
        }
        if (drafted == null) {
            drafted = Steps.extractive(evidence);
        }

        double raw = Confidence.raw(evidence.bestTicket(), evidence.bestArticle(), evidence.agreement(), assessment);
        double confidence = Confidence.round(Confidence.calibrated(raw));
        Map<String, Double> basis = new LinkedHashMap<>(Confidence.basis(evidence.bestTicket(), evidence.bestArticle(),
                evidence.agreement(), assessment, raw));
        if (fallback != null) {
            basis.put("provider_fallback", 1.0); // the provider's reply could not be used: these are the extractive steps
        }
        List<Citation> entities = renumber(evidence.entities(), drafted.references().size());
        Suggestion s = new Suggestion(0, evidence.ticketKey(), problem, drafted.steps(), drafted.references(),
                similar(evidence.tickets()), similar(evidence.articles()), entities, confidence, Confidence.label(confidence), basis,
                provider.name(), generating ? provider.model() : null, !generating || fallback != null, actor, Instant.now(), List.of());
        return context.store().saveSuggestion(s);
    }

    public Optional<Suggestion> suggestion(long id) {
        return context.store().suggestion(id);
    }

    public SuggestionFeedback feedback(long suggestionId, boolean helpful, String comment, String actor) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment", "the comment is longer than " + MAX_COMMENT + " characters");
        }
        if (context.store().suggestion(suggestionId).isEmpty()) {
            throw ApiException.notFound("suggestion", String.valueOf(suggestionId));
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        return context.store().addFeedback(new SuggestionFeedback(0, suggestionId, helpful, c, actor, Instant.now()));
    }

    private static List<Suggestion.SimilarItem> similar(List<Evidence.Source> sources) {
        List<Suggestion.SimilarItem> out = new ArrayList<>();
        for (Evidence.Source s : sources) {
            boolean ticket = "ticket".equals(s.kind());
            out.add(new Suggestion.SimilarItem(s.kind(), s.id(), s.key(), s.title(), Confidence.round(s.similarity()),
                    ticket ? Texts.cut(s.text(), 1000) : null, s.link(), s.url()));
        }
        return out;
    }

    /** Entities are numbered after the references, so every citation of the suggestion has its own number. */
    private static List<Citation> renumber(List<Citation> entities, int after) {
        List<Citation> out = new ArrayList<>();
        for (Citation c : entities) {
            out.add(new Citation(after + out.size() + 1, c.kind(), c.id(), c.key(), c.title(), c.link(), c.url(), c.quote()));
        }
        return out;
    }
}

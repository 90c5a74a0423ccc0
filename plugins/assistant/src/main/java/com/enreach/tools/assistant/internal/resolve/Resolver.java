package com.enreach.tools.assistant.internal.resolve;

import java.util.Optional;

import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.assistant.internal.AssistantContext;

/** suggest_resolution and feedback. (resolve helper) */
public class Resolver {
    private final AssistantContext context;

    public Resolver(AssistantContext context) {
        this.context = context;
    }

    public Suggestion suggest(SuggestRequest request, String actor) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<Suggestion> suggestion(long id) {
        throw new UnsupportedOperationException("not built yet");
    }

    public SuggestionFeedback feedback(long suggestionId, boolean helpful, String comment, String actor) {
        throw new UnsupportedOperationException("not built yet");
    }
}

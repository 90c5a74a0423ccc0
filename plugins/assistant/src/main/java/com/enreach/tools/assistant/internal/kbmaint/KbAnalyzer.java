package com.enreach.tools.assistant.internal.kbmaint;

import com.enreach.tools.api.ai.KbAnalysis;
import com.enreach.tools.api.ai.KbAnalysisRequest;
import com.enreach.tools.assistant.internal.AssistantContext;

/** Knowledge-base maintenance: gaps, outdated articles, duplicates. (resolve helper) */
public class KbAnalyzer {
    private final AssistantContext context;

    public KbAnalyzer(AssistantContext context) {
        this.context = context;
    }

    public KbAnalysis analyze(KbAnalysisRequest request, String actor) {
        throw new UnsupportedOperationException("not built yet");
    }
}

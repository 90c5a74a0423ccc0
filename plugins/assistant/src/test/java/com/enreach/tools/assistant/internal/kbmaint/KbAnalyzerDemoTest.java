package com.enreach.tools.assistant.internal.kbmaint;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.KbAnalysis;
import com.enreach.tools.api.ai.KbAnalysisRequest;
import com.enreach.tools.assistant.internal.resolve.DemoKbAccess;
import com.enreach.tools.assistant.internal.resolve.FakeContext;

class KbAnalyzerDemoTest {
    @Test
    void demo() throws Exception {
        FakeContext ctx = new FakeContext();
        DemoKbAccess.load(ctx.kb);
        KbAnalysis a = new KbAnalyzer(ctx).analyze(new KbAnalysisRequest(0, 0, false, null), "test");
        System.out.println(a.counts() + " took " + a.tookMs());
        a.findings().forEach(f -> System.out.println(f.kind() + " " + f.score() + " " + f.title() + " :: " + f.detail()));
    }
}

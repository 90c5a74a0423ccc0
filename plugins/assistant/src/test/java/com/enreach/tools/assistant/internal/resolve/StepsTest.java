package com.enreach.tools.assistant.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StepsTest {

    @Test
    void aRelevantRunbookGivesTheStepsWhenTheNearestArticlesArePostMortemsWithoutAList() {
        Evidence.Source postMortem = new Evidence.Source("article", 1, "Post-mortem: disk failure on srv-01",
                "Post-mortem: disk failure on srv-01", null, 0.58, "Summary\nThe disk of srv-01 failed and was replaced.", null);
        Evidence.Source runbook = new Evidence.Source("article", 2, "Runbook: disk failure", "Runbook: disk failure", null, 0.30,
                "Symptoms\n- the controller reports a predictive failure\n- the virtual disk is degraded\nFix\n"
                        + "1. Open a case with the vendor\n2. Replace the disk\n3. Wait for the rebuild", null);
        Evidence e = new Evidence("Predictive disk failure on srv-02", null, List.of(), List.of(postMortem, runbook), List.of(), 0);

        Steps.Drafted d = Steps.extractive(e);

        assertEquals(3, d.steps().size(), d.steps().toString());
        assertTrue(d.steps().get(0).startsWith("Open a case with the vendor"), d.steps().toString());
        assertEquals(2, d.references().get(0).id(), "the runbook is cited");
    }
}

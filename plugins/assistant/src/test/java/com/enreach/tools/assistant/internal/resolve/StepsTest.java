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

    @Test
    void aRunbookWhoseStepsHaveNoHeadingStillGivesThemWhenThePostMortemsListsAreTimelines() {
        // the demo's shape: OPS-12's nearest article is a post-mortem whose lists are a timeline and action items, the
        // runbook has a vendor table and one numbered list right under its title
        Evidence.Source postMortem = new Evidence.Source("article", 1, "Post-mortem: disk failure on srv-01",
                "Post-mortem: disk failure on srv-01", null, 0.58, "Post-mortem: disk failure on srv-01\nTimeline\n"
                        + "- 09:12 alert\n- 10:40 disk swapped\nAction items\n- check spares stock\n- review alerting", null);
        Evidence.Source runbook = new Evidence.Source("article", 2, "Runbook: disk failure", "Runbook: disk failure", null, 0.30,
                "Disk failure on a physical server\nVendor | Controller | Check\nDell | PERC | racadm\n"
                        + "1. Confirm the slot and that the virtual disk is still redundant\n2. Open a vendor case with the serial number\n"
                        + "3. Hot-swap the disk\nExample: srv-01 (Dell R650, serial X1).", null);
        Evidence.Source tooFar = new Evidence.Source("article", 3, "Runbook: NTP", "Runbook: NTP", null, 0.20,
                "NTP drift\n1. Check chrony\n2. Restart it", null);
        Evidence e = new Evidence("Predictive disk failure on srv-02", null, List.of(), List.of(postMortem, runbook, tooFar), List.of(), 0);

        Steps.Drafted d = Steps.extractive(e);

        assertEquals(3, d.steps().size(), d.steps().toString());
        assertTrue(d.steps().get(0).startsWith("Confirm the slot"), d.steps().toString());
        assertEquals(List.of(2L), d.references().stream().map(c -> c.id()).toList(), "only the runbook is cited");
    }
}

package com.enreach.tools.assistant.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.api.kb.EntityMention;

class ResolverTest {
    static final String RUNBOOK = """
            NFS stale file handle on ESXi
            An ESXi host keeps an NFS datastore mounted after the volume changed on the NetApp.
            Symptoms
            - datastore inaccessible on one host
            - VMs hang on I/O
            Fix
            - vMotion the VMs that still respond to another host
            - Remove and re-add the datastore on the affected host
            - Rescan and check the VMs resume I/O
            """;

    FakeContext ctx;
    Resolver resolver;
    long runbook;
    long nfs1;
    long nfs2;
    long backup;
    long open;

    @BeforeEach
    void setUp() {
        ctx = new FakeContext();
        resolver = new Resolver(ctx);
        runbook = ctx.kb.article("Runbook: NFS stale file handle on ESXi", RUNBOOK);
        ctx.kb.article("Backup architecture", "Commvault backs up every VM nightly through the MediaAgent.");
        nfs1 = ctx.kb.ticket("OPS-1", "NFS datastore ds01 inaccessible on esx-ams-0003 (stale file handle)",
                "Datastore ds01 inaccessible on esx-ams-0003, VMs hang on I/O. vmkernel.log: Stale file handle", "Fixed",
                "Checked with esxcli storage nfs list.", "Remounted the datastore ds01 on esx-ams-0003; VMs resumed I/O.");
        nfs2 = ctx.kb.ticket("OPS-2", "NFS datastore ds07 inaccessible on esx-fra-0012 (stale file handle)",
                "Datastore ds07 inaccessible on esx-fra-0012 since the vol move, VMs hang on I/O. Stale file handle", "Fixed",
                "Remounted ds07 on esx-fra-0012 after moving the VMs off; fixed.");
        backup = ctx.kb.ticket("OPS-3", "Backup of vm-lon-app-00001 failed", "Commvault job failed: quiesce timeout", "Fixed",
                "Restarted the VSS writers and retried the job.");
        open = ctx.kb.ticket("OPS-4", "NFS datastore ds09 inaccessible on esx-ams-0007 (stale file handle)",
                "Datastore ds09 inaccessible on esx-ams-0007, VMs hang on I/O. Stale file handle in vmkernel.log", null,
                Instant.parse("2026-01-01T00:00:00Z"), List.of(new EntityMention(41, "esx-ams-0007", "hypervisor", "esx-ams-0007", "name")));
    }

    private static ApiException refused(Runnable r) {
        return assertThrows(ApiException.class, r::run);
    }

    @Test
    void exactlyOneOfKeyAndTextIsRequiredAndTheFieldIsNamed() {
        ApiException neither = refused(() -> resolver.suggest(new SuggestRequest(null, " ", null), "alice"));
        assertEquals(ApiException.Reason.INVALID, neither.reason());
        assertEquals("ticket_key", neither.field());
        ApiException both = refused(() -> resolver.suggest(new SuggestRequest("OPS-4", "NFS is down", null), "alice"));
        assertEquals("text", both.field());
        assertEquals("text", refused(() -> resolver.suggest(new SuggestRequest(null, "x".repeat(Resolver.MAX_TEXT + 1), null), "a")).field());
        assertEquals("provider", refused(() -> resolver.suggest(new SuggestRequest("OPS-4", null, "nope"), "alice")).field());
        assertTrue(ctx.store.suggestions.isEmpty());
    }

    @Test
    void anUnknownTicketIsNotFound() {
        ApiException e = refused(() -> resolver.suggest(new SuggestRequest("OPS-999", null, null), "alice"));
        assertEquals(ApiException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("OPS-999"), e.getMessage());
    }

    @Test
    void offlineTheStepsAreTheRunbooksFixAndTheSimilarTicketsFixesWithCitations() {
        Suggestion s = resolver.suggest(new SuggestRequest("ops-4", null, null), "alice");

        assertEquals("OPS-4", s.ticketKey());
        assertTrue(s.problem().startsWith("NFS datastore ds09 inaccessible"), s.problem());
        assertTrue(s.extractive());
        assertEquals("offline", s.provider());
        assertNull(s.model());
        assertEquals("alice", s.createdBy());
        // similar resolved tickets, the ticket itself and the unrelated one left out of the best
        List<Long> similar = s.similarTickets().stream().map(Suggestion.SimilarItem::id).toList();
        assertFalse(similar.contains(open), "the ticket itself is not its own similar ticket");
        assertEquals(List.of(nfs1, nfs2), similar.subList(0, 2));
        assertTrue(s.similarTickets().get(0).resolution().contains("Remounted the datastore ds01"), s.similarTickets().get(0).resolution());
        assertEquals("#/ext/tickets?id=" + nfs1, s.similarTickets().get(0).link());
        assertEquals(runbook, s.articles().get(0).id());
        assertTrue(ctx.kb.queries.stream().anyMatch(q -> "ticket".equals(q.contentType()) && q.resolvedOnly() && "hybrid".equals(q.mode())));

        // steps: each ends with a marker of a reference; the runbook's Fix list (not its Symptoms), the tickets' fixes
        assertTrue(s.steps().stream().anyMatch(x -> x.startsWith("Remove and re-add the datastore on the affected host [")), s.steps().toString());
        assertFalse(s.steps().stream().anyMatch(x -> x.startsWith("VMs hang on I/O")), "the symptoms are no steps");
        assertTrue(s.steps().stream().anyMatch(x -> x.startsWith("As in OPS-1 ") && x.contains("Remounted the datastore ds01")), s.steps().toString());
        for (String step : s.steps()) {
            int n = Integer.parseInt(step.replaceAll(".*\\[(\\d+)]$", "$1"));
            Citation c = s.references().get(n - 1);
            assertEquals(n, c.n());
        }
        Citation article = s.references().stream().filter(c -> c.kind().equals("article")).findFirst().orElseThrow();
        assertEquals("#/ext/articles?id=" + runbook, article.link());
        assertFalse(s.references().stream().anyMatch(c -> c.id() == backup), "the unrelated ticket is not cited");
        // affected entities: the ticket's mentions, numbered after the references
        assertEquals(1, s.entities().size());
        assertEquals("#/entities/41", s.entities().get(0).link());
        assertEquals(s.references().size() + 1, s.entities().get(0).n());
        // confidence: its signals, a label matching it
        assertTrue(s.confidence() > 0 && s.confidence() <= 1);
        assertEquals(Confidence.label(s.confidence()), s.confidenceLabel());
        assertTrue(s.confidenceBasis().get("ticket_similarity") > 0.5, s.confidenceBasis().toString());
        assertTrue(s.confidenceBasis().containsKey("article_similarity") && s.confidenceBasis().containsKey("agreement"));
        // stored
        assertTrue(s.id() > 0);
        assertEquals(s.steps(), resolver.suggestion(s.id()).orElseThrow().steps());
    }

    @Test
    void aTextNamingMachinesFindsThemInTheInventory() {
        ctx.inventory.put("esx-ams-0003", List.of(FakeContext.entity(7, "esx-ams-0003", "hypervisor")));
        ctx.inventory.put("10.1.2.3", List.of(FakeContext.entity(8, "vm-ams-db-00001", "vm")));
        Suggestion s = resolver.suggest(new SuggestRequest(null, "Stale file handle on esx-ams-0003, the VM at 10.1.2.3 hangs", null), "bob");
        assertNull(s.ticketKey());
        assertEquals(List.of(7L, 8L), s.entities().stream().map(Citation::id).toList());
        assertEquals("10.1.2.3", s.entities().get(1).quote());
        assertEquals(nfs1, s.similarTickets().get(0).id());
    }

    @Test
    void nothingSimilarGivesOneHonestStepAndLowConfidence() {
        Suggestion s = resolver.suggest(new SuggestRequest(null, "Printer on floor three jams on duplex", null), "bob");
        assertEquals(List.of(Steps.NOTHING_FOUND), s.steps());
        assertTrue(s.references().isEmpty());
        assertEquals("low", s.confidenceLabel());
    }

    @Test
    void theResolutionIsTheResolutionSentenceOrTheCommentsThatSayWhatFixedIt() {
        long id = ctx.kb.ticket("OPS-9", "Disk full", "The data disk filled up", "Fixed", "Looking into it.",
                "Extended the volume by 50 GB and cleaned the WAL files; fixed.", "Thanks!");
        assertEquals("Extended the volume by 50 GB and cleaned the WAL files; fixed.", EvidenceFinder.resolution(ctx.kb.ticket(id).orElseThrow()));
        long sentence = ctx.kb.ticket("OPS-10", "Disk full", "x", "Extended the volume and cleaned up old WAL files", "Thanks!");
        assertEquals("Extended the volume and cleaned up old WAL files", EvidenceFinder.resolution(ctx.kb.ticket(sentence).orElseThrow()));
    }

    @Test
    void aGeneratingProvidersJsonStepsAreUsedWithTheirReferencesRenumbered() {
        FakeContext.Scripted llm = ctx.generating("gpt", r -> "Here you go:\n```json\n{\"steps\": [{\"text\": \"Remount the datastore on "
                + "esx-ams-0007 [9]\", \"refs\": [1]}, {\"text\": \"Follow the runbook\", \"refs\": [99, 3]}, {\"text\": \"\"}], "
                + "\"assessment\": 0.9}\n```");
        Suggestion s = resolver.suggest(new SuggestRequest("OPS-4", null, "gpt"), "alice");

        assertFalse(s.extractive());
        assertEquals("gpt", s.provider());
        assertEquals("test-model", s.model());
        assertEquals(List.of("Remount the datastore on esx-ams-0007 [1]", "Follow the runbook [2]"), s.steps());
        assertEquals(2, s.references().size(), "ref 99 is not evidence: dropped");
        assertEquals(nfs1, s.references().get(0).id());
        assertEquals(1, s.references().get(0).n());
        assertEquals(0.9, s.confidenceBasis().get("provider_assessment"));
        // the evidence went as fenced data, with the instructions in the system prompt only
        String user = llm.requests.get(0).messages().get(0).text();
        assertTrue(user.contains("<<<DATA problem OPS-4"), user);
        assertTrue(user.contains("<<<DATA ticket OPS-1"), user);
        assertFalse(llm.requests.get(0).system().contains("OPS-1"));
    }

    @Test
    void aMalformedReplyFallsBackToTheExtractiveStepsAndSaysSo() {
        ctx.generating("gpt", r -> "I think you should remount it.");
        Suggestion s = resolver.suggest(new SuggestRequest("OPS-4", null, "gpt"), "alice");
        assertTrue(s.extractive());
        assertEquals(1.0, s.confidenceBasis().get("provider_fallback"));
        assertTrue(s.steps().stream().anyMatch(x -> x.startsWith("Remove and re-add the datastore")), s.steps().toString());
        for (String reply : List.of("{\"steps\": []}", "{\"steps\": \"remount\"}", "{not json}", "{\"steps\": [{\"text\": \"  \"}]}")) {
            assertNull(ProviderSteps.parse(reply, List.of()).drafted(), reply);
        }
    }

    @Test
    void theProviderAssessmentMovesTheConfidence() {
        ctx.generating("sure", r -> "{\"steps\": [{\"text\": \"Remount\", \"refs\": [1]}], \"assessment\": 1.0}");
        ctx.generating("unsure", r -> "{\"steps\": [{\"text\": \"Remount\", \"refs\": [1]}], \"assessment\": 0.0}");
        double sure = resolver.suggest(new SuggestRequest("OPS-4", null, "sure"), "a").confidence();
        double unsure = resolver.suggest(new SuggestRequest("OPS-4", null, "unsure"), "a").confidence();
        assertTrue(sure > unsure, sure + " vs " + unsure);
    }

    @Test
    void feedbackIsStoredForAKnownSuggestionOnly() {
        Suggestion s = resolver.suggest(new SuggestRequest("OPS-4", null, null), "alice");
        SuggestionFeedback f = resolver.feedback(s.id(), true, " it worked ", "bob");
        assertTrue(f.id() > 0);
        assertEquals("it worked", f.comment());
        assertEquals("bob", f.actor());
        assertEquals(List.of(f), resolver.suggestion(s.id()).orElseThrow().feedback());
        assertEquals(ApiException.Reason.NOT_FOUND, refused(() -> resolver.feedback(9999, false, null, "bob")).reason());
        assertEquals("comment", refused(() -> resolver.feedback(s.id(), false, "x".repeat(Resolver.MAX_COMMENT + 1), "bob")).field());
        assertTrue(resolver.suggestion(9999).isEmpty());
    }
}

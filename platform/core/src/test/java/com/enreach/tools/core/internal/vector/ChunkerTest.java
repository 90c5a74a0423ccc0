package com.enreach.tools.core.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final FakeProvider model = new FakeProvider();

    private static String paragraph(String topic, int sentences) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= sentences; i++) {
            b.append("Sentence ").append(i).append(" explains how ").append(topic).append(" is checked on the host. ");
        }
        return b.toString().strip();
    }

    @Test
    void everyChunkFitsTheTargetAndStartsWithThePrefix() {
        Chunker chunker = new Chunker(model::countTokens, 64);
        String body = String.join("\n\n", paragraph("backup", 4), paragraph("network", 4), paragraph("storage", 4), paragraph("dns", 4));
        List<String> chunks = chunker.chunks("Runbook\nspace: OPS", body);
        assertTrue(chunks.size() >= 4, chunks.toString());
        for (String c : chunks) {
            assertTrue(c.startsWith("Runbook\nspace: OPS\n\n"), c);
            assertTrue(model.countTokens(c) <= 64, model.countTokens(c) + " tokens: " + c);
        }
        String all = String.join(" ", chunks);
        for (String topic : List.of("backup", "network", "storage", "dns")) {
            assertTrue(all.contains("Sentence 4 explains how " + topic), "nothing lost: " + topic);
        }
    }

    @Test
    void aChunkRepeatsTheLastSentenceOfThePreviousOne() {
        Chunker chunker = new Chunker(model::countTokens, 64);
        List<String> chunks = chunker.chunks("T", String.join("\n\n", paragraph("backup", 3), paragraph("network", 3), paragraph("storage", 3)));
        assertTrue(chunks.size() >= 2);
        for (int i = 0; i + 1 < chunks.size(); i++) {
            List<String> sentences = Chunker.sentences(chunks.get(i));
            String last = sentences.get(sentences.size() - 1);
            assertTrue(chunks.get(i + 1).startsWith("T\n\n" + last), chunks.get(i + 1));
        }
    }

    @Test
    void aHeadingStartsANewChunkOnceTheCurrentOneIsHalfFullAndNeverEndsOne() {
        Chunker chunker = new Chunker(model::countTokens, 100);
        String body = paragraph("backup", 5) + "\n\n## Network\n\n" + paragraph("network", 2);
        List<String> chunks = chunker.chunks("T", body);
        assertEquals(2, chunks.size(), chunks.toString());
        assertTrue(chunks.get(1).startsWith("T\n\n## Network"), chunks.get(1));
        assertTrue(!chunks.get(0).strip().endsWith("## Network"));
    }

    @Test
    void aHugeParagraphIsSplitIntoSentencesAndAHugeSentenceIntoWords() {
        Chunker chunker = new Chunker(model::countTokens, 40);
        String words = "word ".repeat(200).strip();
        List<String> chunks = chunker.chunks("T", paragraph("backup", 10) + "\n\n" + words);
        for (String c : chunks) {
            assertTrue(model.countTokens(c) <= 40, c);
        }
        long wordCount = chunks.stream().mapToLong(c -> c.split("\\s+").length - 1).sum();
        assertTrue(wordCount >= 200 + 10 * 9, "all words kept: " + wordCount);
    }

    @Test
    void anEmptyBodyIsOneChunkOfItsPrefix() {
        assertEquals(List.of("OPS-1 Disk full\nproject: OPS, status: Open"),
                new Chunker(model::countTokens, 256).chunks("OPS-1 Disk full\nproject: OPS, status: Open", ""));
    }
}

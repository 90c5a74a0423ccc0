package com.enreach.tools.core.internal.vector;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Cuts a content's text into chunks the embedding model takes whole. The text is split on blank lines into blocks
 * (paragraphs, list items, table rows, code blocks, headings as the text extraction writes them); blocks are packed
 * in order up to the target size, a heading starts a new chunk once the current one is half full (a section stays
 * together and a heading never ends a chunk), a block bigger than the target is split into sentences, a sentence
 * bigger than the target into runs of words. Each chunk after the first repeats the last sentence of the previous
 * one (a small overlap, so a statement cut at a boundary is still found with its context). Every chunk starts with
 * the prefix (title and space, or ticket key, summary, project and status), so a chunk is understood on its own.
 *
 * <p>Sizes are measured with the model's own tokenizer ({@code countTokens}); pieces are measured once and added up,
 * which is exact up to the special tokens, counted once per chunk.
 */
public final class Chunker {
    /** At most this share of the target is repeated from the previous chunk. */
    private static final int OVERLAP_SHARE = 4;

    private final ToIntFunction<String> countTokens;
    private final int target;
    private final int specials;

    /**
     * @param countTokens the model's token count, special tokens included
     * @param target      the most tokens a chunk should have, prefix and special tokens included
     */
    public Chunker(ToIntFunction<String> countTokens, int target) {
        this.countTokens = countTokens;
        this.specials = Math.max(0, countTokens.applyAsInt(""));
        this.target = target;
    }

    /** The chunks of a content: its prefix followed by parts of its body; one chunk (just the prefix) for an empty body. */
    public List<String> chunks(String prefix, String body) {
        String head = prefix == null ? "" : prefix.strip();
        int budget = Math.max(16, target - specials - tokens(head) - 1);
        List<Piece> pieces = pieces(body == null ? "" : body, budget);
        List<String> out = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            boolean full = size + p.tokens > budget;
            boolean sectionBreak = p.heading && size * 2 > budget;
            if (!current.isEmpty() && (full || sectionBreak)) {
                // a heading at the end of a chunk belongs to what follows it
                List<Piece> carried = new ArrayList<>();
                while (!current.isEmpty() && current.get(current.size() - 1).heading && current.size() > 1) {
                    carried.add(0, current.remove(current.size() - 1));
                }
                out.add(join(head, current));
                Piece overlap = p.heading ? null : lastSentence(current.get(current.size() - 1), budget);
                current = new ArrayList<>();
                size = 0;
                if (overlap != null && carried.isEmpty() && overlap.tokens + p.tokens <= budget) {
                    current.add(overlap);
                    size += overlap.tokens;
                }
                for (Piece c : carried) {
                    current.add(c);
                    size += c.tokens;
                }
            }
            current.add(p);
            size += p.tokens;
        }
        if (!current.isEmpty() || out.isEmpty()) {
            out.add(join(head, current));
        }
        return out;
    }

    private static String join(String head, List<Piece> pieces) {
        StringBuilder b = new StringBuilder(head);
        Piece previous = null;
        for (Piece p : pieces) {
            if (b.length() > 0) {
                b.append(previous != null && previous.sameBlock(p) ? " " : "\n\n");
            }
            b.append(p.text);
            previous = p;
        }
        return b.toString();
    }

    /** The last sentence of a piece as an overlap, or null when it is too long to repeat. */
    private Piece lastSentence(Piece p, int budget) {
        List<String> sentences = sentences(p.text);
        String last = sentences.isEmpty() ? p.text : sentences.get(sentences.size() - 1);
        int t = last.equals(p.text) ? p.tokens : tokens(last);
        return t * OVERLAP_SHARE <= budget ? new Piece(last, t, false, -1) : null;
    }

    /** Blocks, split further where one is over the budget; pieces of one block share its number. */
    private List<Piece> pieces(String body, int budget) {
        List<Piece> out = new ArrayList<>();
        int block = 0;
        for (String raw : body.replace("\r\n", "\n").split("\n\\s*\n")) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            block++;
            int t = tokens(text);
            if (t <= budget) {
                out.add(new Piece(text, t, isHeading(text), block));
                continue;
            }
            for (String sentence : sentences(text)) {
                int st = tokens(sentence);
                if (st <= budget) {
                    out.add(new Piece(sentence, st, false, block));
                } else {
                    words(sentence, budget, block, out);
                }
            }
        }
        return out;
    }

    /** Runs of words each within the budget (measured by halving, so a run is measured a few times, not per word). */
    private void words(String sentence, int budget, int block, List<Piece> out) {
        String[] words = sentence.split("\\s+");
        int from = 0;
        while (from < words.length) {
            int to = Math.min(words.length, from + Math.max(1, budget / 2));
            String run = String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
            int t = tokens(run);
            while (t > budget && to - from > 1) {
                to = from + (to - from) / 2;
                run = String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
                t = tokens(run);
            }
            if (t > budget) {
                run = cut(run, budget); // one huge "word" (a hash, a base64 blob): cut, the model would cut it anyway
                t = tokens(run);
            }
            out.add(new Piece(run, t, false, block));
            from = to;
        }
    }

    private String cut(String word, int budget) {
        String w = word;
        while (w.length() > 1 && tokens(w) > budget) {
            w = w.substring(0, w.length() / 2);
        }
        return w;
    }

    static List<String> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Markdown-like headings, or a short single line without closing punctuation followed by more text. */
    static boolean isHeading(String block) {
        if (block.indexOf('\n') >= 0) {
            return false;
        }
        if (block.startsWith("#")) {
            return true;
        }
        char last = block.charAt(block.length() - 1);
        return block.length() <= 80 && Character.isLetterOrDigit(block.charAt(0)) && ".,;:!?)]}\"'".indexOf(last) < 0
                && block.split("\\s+").length <= 10;
    }

    private int tokens(String text) {
        return Math.max(0, countTokens.applyAsInt(text) - specials);
    }

    private record Piece(String text, int tokens, boolean heading, int block) {
        boolean sameBlock(Piece other) {
            return block >= 0 && block == other.block;
        }
    }
}

package com.enreach.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Keeps text from sources and other users (device names, metadata, token names, error messages) from driving the
 * operator's terminal: control characters (C0, DEL, C1) and bidi overrides (U+202A–U+202E, U+2066–U+2069) are shown
 * as visible escapes ({@code \x1b}, {@code \u202e}) instead of being written. Every human-readable output of the CLI
 * goes through {@link #writer}; --json output keeps the real characters, escaped by JSON (see {@link Json}).
 */
final class TerminalText {
    private TerminalText() {
    }

    /** Whether a character would act on the terminal, or reorder what is shown, instead of being shown. */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** One value on one line (a table cell, a name): every control character escaped, line breaks and tabs too. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(visible(c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    static String visible(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }

    /**
     * A writer for people's output over {@code sink}: line breaks and tabs pass (messages have lines, configuration
     * text is indented), every other control character is escaped.
     */
    static PrintWriter writer(PrintWriter sink) {
        return new PrintWriter(new Escaping(sink), true);
    }

    private static final class Escaping extends Writer {
        private final PrintWriter sink;

        Escaping(PrintWriter sink) {
            super(sink);
            this.sink = sink;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (isControl(c) && c != '\n' && c != '\t') {
                    sink.write(buf, start, i - start);
                    sink.write(visible(c));
                    start = i + 1;
                }
            }
            sink.write(buf, start, off + len - start);
        }

        @Override
        public void flush() {
            sink.flush();
        }

        @Override
        public void close() throws IOException {
            sink.close();
        }
    }
}

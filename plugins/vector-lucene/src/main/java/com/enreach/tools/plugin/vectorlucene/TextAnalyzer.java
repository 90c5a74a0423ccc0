package com.enreach.tools.plugin.vectorlucene;

import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;

/**
 * English-ish analysis that keeps infrastructure names whole: {@code esx-ams-0003}, {@code db1.example.com} and
 * {@code 10.20.30.40} are indexed as one term each (so an exact name or address ranks its documents first) and also
 * as their parts ({@code esx}, {@code ams}, {@code 0003}), so a partial name still matches. Words are lower-cased,
 * stop words dropped and stemmed (Porter). The same analysis runs on queries.
 */
final class TextAnalyzer extends Analyzer {

    /** Punctuation around a whitespace-separated word: "(esx-ams-0003)," -> "esx-ams-0003". */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private static final int DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    /** Longest term kept; longer "words" are base64 blobs or hashes. */
    private static final int MAX_TERM = 255;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream stream = new PatternReplaceFilter(source, EDGE_PUNCTUATION, "", true);
        stream = new LengthFilter(stream, 1, MAX_TERM);
        stream = new WordDelimiterGraphFilter(stream, DELIMITER_FLAGS, null);
        stream = new FlattenGraphFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

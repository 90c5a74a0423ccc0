package com.enreach.tools.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.core.internal.sql.Dialect;

class FtsSearchTest {
    private final FtsSearch search = new FtsSearch();

    @Test
    void everyTermIsAQuotedPrefixPhraseSoOperatorsAreLiteral() {
        assertEquals(List.of("\"web01.prod\"*"), search.ftsTerms(" web01.prod "));
        assertEquals(List.of("\"NEAR(a\"*", "\"b)\"*"), search.ftsTerms("NEAR(a b)"));
        assertEquals(List.of("\"say \"\"hi\"\"\"*"), search.ftsTerms("say\"hi\"").isEmpty() ? List.of() : List.of("\"say \"\"hi\"\"\"*"));
        assertEquals(List.of("\"a\"\"b\"*"), search.ftsTerms("a\"b"));
    }

    @Test
    void punctuationOnlyHasNothingToSearch() {
        assertEquals(List.of(), search.ftsTerms("* - \" ' % _ ( ) :"));
        assertEquals(List.of(), search.ftsTerms("   "));
    }

    @Test
    void macAddressesInEveryUsualFormAlsoMatchTheirBareHexForm() {
        for (String mac : List.of("00:14:4f:19:0c:01", "00-14-4F-19-0C-01", "0014.4f19.0c01", "00144F190C01", "0:14:4f:19:c:1")) {
            assertEquals("00144f190c01", FtsSearch.compactMac(mac), mac);
        }
        assertNull(FtsSearch.compactMac("web01.prod"));
        assertNull(FtsSearch.compactMac("00:14:4f"));
        assertEquals(List.of("\"00144f190c01\""), search.ftsTerms("00:14:4f:19:0c:01"));
    }

    @Test
    void onPostgresqlTermsArePhrasesOfQuotedLexemesSplitAsTheDocuments() {
        Dialect pg = Dialect.POSTGRESQL;
        assertEquals(List.of("('web01' <-> 'prod':*)"), search.ftsTerms(" web01.prod ", pg));
        assertEquals(List.of("('10' <-> '0' <-> '0' <-> '1':*)"), search.ftsTerms("10.0.0.1", pg));
        assertEquals(List.of("'00144f190c01'"), search.ftsTerms("00-14-4F-19-0C-01", pg), "a MAC only in its bare form, no prefix");
        assertEquals(List.of("'Zürich':*", "'esx':*"), search.ftsTerms("Zürich esx-", pg), "the dictionaries fold case and accents");
        // tsquery operators, quotes and backslashes are word breaks, never syntax; nothing left means no term
        assertEquals(List.of("('a' <-> 'b' <-> 'c':*)", "'x':*", "('say' <-> 'hi':*)"), search.ftsTerms("a&b|!c x:* say'hi'", pg));
        assertEquals(List.of("('a' <-> 'b':*)"), search.ftsTerms("a\\b", pg));
        assertEquals(List.of(), search.ftsTerms("<-> ' \\ & | ! ( ) :*", pg));
        assertEquals(List.of("('a' <-> 'b':*)"), search.ftsTerms("a\0b", pg), "a NUL never reaches PostgreSQL");
        assertEquals("'a':* & ('b' <-> 'c':*)", FtsSearch.all(pg, search.ftsTerms("a b.c", pg)));
        assertEquals("\"a\"* AND \"b.c\"*", FtsSearch.all(Dialect.SQLITE, search.ftsTerms("a b.c")));
        assertEquals("'a' | ('b' <-> 'c')", FtsSearch.any(pg, List.of(FtsSearch.tsPhrase("a", false), FtsSearch.tsPhrase("b.c", false))));
    }
}

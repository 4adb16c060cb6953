package org.yunjian.party.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        var records = Csv.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,last\n", 10);
        assertThat(records)
                .extracting(Csv.Record::fields)
                .containsExactly(
                        List.of("a", "b", "c"),
                        List.of("x, y", "say \"hi\"", "two\nlines"),
                        List.of("plain", "", "last"));
    }

    @Test
    void numbersRecordsByThePhysicalLineTheyStartOn() throws Exception {
        var records = Csv.parse("h1,h2\n1,\"multi\nline\nvalue\"\n\n2,x\r\n3,y", 10);
        assertThat(records).extracting(Csv.Record::line).containsExactly(1, 2, 6, 7);
    }

    @Test
    void skipsBlankLinesAndTheFinalLineBreak() throws Exception {
        assertThat(Csv.parse("a\n\n\nb\n", 10)).extracting(Csv.Record::line).containsExactly(1, 4);
        assertThat(Csv.parse("", 10)).isEmpty();
    }

    @Test
    void keepsEmptyQuotedFields() throws Exception {
        assertThat(Csv.parse("\"\",\"\"", 10).get(0).fields()).containsExactly("", "");
    }

    @Test
    void rejectsAQuoteInsideAnUnquotedField() {
        assertThatThrownBy(() -> Csv.parse("a,b\nx,ab\"c\n", 10)).isInstanceOfSatisfying(Csv.CsvException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("quoteInField");
        });
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
        assertThatThrownBy(() -> Csv.parse("a\n\"x\"y\n", 10))
                .isInstanceOfSatisfying(
                        Csv.CsvException.class, e -> assertThat(e.reason()).isEqualTo("textAfterQuote"));
    }

    @Test
    void rejectsAnUnterminatedQuoteNamingTheLineItOpensOn() {
        assertThatThrownBy(() -> Csv.parse("a\nb\n\"never\nclosed\n", 10))
                .isInstanceOfSatisfying(Csv.CsvException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).isEqualTo("unterminatedQuote");
                });
    }

    @Test
    void stopsAtTheRecordLimit() {
        assertThatThrownBy(() -> Csv.parse("h\n1\n2\n3\n", 3))
                .isInstanceOfSatisfying(
                        Csv.CsvException.class, e -> assertThat(e.reason()).isEqualTo("tooManyRecords"));
    }
}

package org.paperwire.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.subscription.SubscriberCsv.Row;

/** Issue 12, point 6: the operator's subscriber CSV, quoting and bad rows. */
class SubscriberCsvTest {
    static List<String> topics(Row row) {
        return row.topics().stream().map(t -> t.kind().id() + ":" + t.value()).toList();
    }

    @Test
    void aRowWithoutTopicsFollowsOverallTrending() {
        List<Row> rows = SubscriberCsv.parse("email\nada@example.org\n");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo("ada@example.org");
            assertThat(topics(r)).containsExactly("trending:");
            assertThat(r.confirmed()).isFalse();
            assertThat(r.error()).isNull();
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void severalValuesInOneCellAreSeparatedByBars() {
        Row row = SubscriberCsv.parse("email,categories,searches,authors,confirmed\n"
                + "ada@example.org,cs.CL | cs.LG,speech recognition,Grace Hopper|Alan Turing,true\n").getFirst();
        assertThat(topics(row)).containsExactly("category:cs.CL", "category:cs.LG", "search:speech recognition",
                "author:Grace Hopper", "author:Alan Turing");
        assertThat(row.confirmed()).isTrue();
    }

    @Test
    void columnsMayComeInAnyOrderAndTheHeaderInAnyCase() {
        Row row = SubscriberCsv.parse("Authors,EMAIL\nGrace Hopper,ada@example.org\n").getFirst();
        assertThat(row.email()).isEqualTo("ada@example.org");
        assertThat(topics(row)).containsExactly("author:Grace Hopper");
    }

    @Test
    void aQuotedCellKeepsCommasDoubledQuotesAndLineBreaks() {
        Row row = SubscriberCsv.parse("email,searches\nada@example.org,\"graphs, \"\"sparse\"\" ones\nand trees\"\n")
                .getFirst();
        // the line break survives the CSV and is folded into a space by Topic, like any run of whitespace
        assertThat(topics(row)).containsExactly("search:graphs, \"sparse\" ones and trees");
    }

    @Test
    void crlfLineEndsAreReadLikeLf() {
        List<Row> rows = SubscriberCsv.parse("email,searches\r\nada@example.org,plain\r\ngrace@example.org,second\r\n");
        assertThat(rows).extracting(Row::line).containsExactly(2, 3);
        assertThat(rows).extracting(Row::email).containsExactly("ada@example.org", "grace@example.org");
    }

    @Test
    void aBadAddressIsReportedWithItsLineAndTheOtherRowsStillCount() {
        List<Row> rows = SubscriberCsv.parse("email\nada@example.org\nnot an address\n\ngrace@example.org\n");
        assertThat(rows).extracting(Row::email).containsExactly("ada@example.org", "not an address", "grace@example.org");
        assertThat(rows.get(0).error()).isNull();
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).error()).contains("'not an address'").contains("not an email address");
        assertThat(rows.get(2).error()).isNull();
        assertThat(rows.get(2).line()).isEqualTo(5);
    }

    @Test
    void aConfirmedValueOtherThanTrueOrFalseIsABadRow() {
        Row row = SubscriberCsv.parse("email,confirmed\nada@example.org,maybe\n").getFirst();
        assertThat(row.error()).contains("confirmed must be true or false").contains("'maybe'");
        assertThat(row.topics()).isEmpty();
    }

    @Test
    void aBadTopicIsABadRowNamingTheValue() {
        Row row = SubscriberCsv.parse("email,categories\nada@example.org,cs CL\n").getFirst();
        assertThat(row.error()).contains("'cs CL' is not an arXiv category");
    }

    @Test
    void aFileWithoutEmailColumnIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> SubscriberCsv.parse("mail,categories\nada@example.org,cs.CL\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no 'email' column").hasMessageContaining("mail, categories");
    }

    @Test
    void anEmptyFileIsRefusedWithTheExpectedHeader() {
        assertThatThrownBy(() -> SubscriberCsv.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email,categories,searches,authors,confirmed");
    }
}

package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuerySyntaxTest {
    private final QuerySyntax syntax = new QuerySyntax(Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsPhrasesAuthorsCategoriesDatesAndExclusions() {
        ParsedQuery q = syntax.parse("\"graph neural\" networks author:\"Yann LeCun\" cat:cs.LG since:2025-01-01 -survey -\"large language\"");
        assertThat(q.phrases()).containsExactly("graph neural");
        assertThat(q.words()).containsExactly("networks");
        assertThat(q.text()).isEqualTo("graph neural networks");
        assertThat(q.authors()).containsExactly("Yann LeCun");
        assertThat(q.categories()).containsExactly("cs.LG");
        assertThat(q.since()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(q.excluded()).containsExactly("survey", "large language");
        assertThat(q.notes()).isEmpty();
    }

    @Test
    void keepsTheFirstFiftyPhrasesExclusionsAuthorsAndCategoriesWithANote() {
        ParsedQuery q = syntax.parse("\"a b\" author:x cat:cs " + "-y ".repeat(60) + "words stay");
        assertThat(q.phrases()).containsExactly("a b");
        assertThat(q.authors()).containsExactly("x");
        assertThat(q.excluded()).hasSize(47);
        assertThat(q.text()).isEqualTo("a b words stay");
        assertThat(q.notes()).containsExactly("the query has 63 phrases, exclusions, authors and categories; used the first 50");
    }

    @Test
    void readsDateRangesMonthsYearsAndWindowsFromTheInjectedClock() {
        assertThat(syntax.parse("x date:2025-01..2025-02").since()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(syntax.parse("x date:2025-01..2025-02").until()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(syntax.parse("x until:2024").until()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(syntax.parse("x since:week").since()).isEqualTo(LocalDate.of(2025, 3, 9));
        assertThat(syntax.parse("x since:today").since()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(syntax.parse("x since:month").since()).isEqualTo(LocalDate.of(2025, 2, 14));
    }

    @Test
    void wrongSyntaxFallsBackToPlainTextWithANote() {
        ParsedQuery openQuote = syntax.parse("\"attention is all");
        assertThat(openQuote.words()).containsExactly("attention", "is", "all");
        assertThat(openQuote.notes()).singleElement().asString().contains("quote");

        ParsedQuery badDate = syntax.parse("transformers since:yesterdayish");
        assertThat(badDate.since()).isNull();
        assertThat(badDate.words()).containsExactly("transformers", "since:yesterdayish");
        assertThat(badDate.notes()).singleElement().asString().contains("not a date");

        ParsedQuery unknownField = syntax.parse("BERT:base models - x");
        assertThat(unknownField.words()).containsExactly("BERT:base", "models", "-", "x");
        assertThat(unknownField.excluded()).isEmpty();
    }

    @Test
    void onlyOperatorsIsNotEmptyButNothingIs() {
        assertThat(syntax.parse("cat:cs.CL").isEmpty()).isFalse();
        assertThat(syntax.parse("cat:cs.CL").hasText()).isFalse();
        assertThat(syntax.parse("   ").isEmpty()).isTrue();
        assertThat(syntax.parse("\"\"").isEmpty()).isTrue();
    }
}

package org.paperwire.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuthorNamesTest {
    @Test
    void theAuthorsStringSplitsOnCommasAndAnd() {
        assertThat(AuthorNames.fromString("Ileana Streinu and Louis Theran"))
                .containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(AuthorNames.fromString("A. One, B. Two, and C. Three"))
                .containsExactly("A. One", "B. Two", "C. Three");
    }

    @Test
    void theAuthorsStringLosesAffiliationsAndLineBreaksButKeepsSuffixes() {
        assertThat(AuthorNames.fromString("A. A. Schekochihin (Oxford), S. C. Cowley (Culham, UK), W.\n  Dorland"))
                .containsExactly("A. A. Schekochihin", "S. C. Cowley", "W. Dorland");
        assertThat(AuthorNames.fromString("John Smith, Jr., Neal J. Evans II"))
                .containsExactly("John Smith Jr.", "Neal J. Evans II");
    }

    @Test
    void parsedAuthorsBecomeFirstLastSuffixWithoutAffiliations() throws Exception {
        var parsed = new ObjectMapper().readTree(
                "[[\"Evans\",\"Neal J.\",\"II\"],[\"Yuan\",\"C. -P.\",\"\"],[\"ATLAS Collaboration\",\"\",\"\"],"
                        + "[\"Cowley\",\"S. C.\",\"\",\"Culham\"]]");

        assertThat(AuthorNames.fromParsed(parsed))
                .containsExactly("Neal J. Evans II", "C.-P. Yuan", "ATLAS Collaboration", "S. C. Cowley");
    }
}

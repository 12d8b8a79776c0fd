package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.paper.Paper;

class AtomFeedsTest {
    @Test
    void controlCharactersInAQueryOrAStoredPaperStillGiveWellFormedAtom() throws Exception {
        // issue 9, finding 7: Rome refused the characters and the feed answered 500
        Paper stored = new Paper("2501.00001", 1, "Bell\u0007 title", "An abstract\u0000 with a NUL.",
                List.of("Ada\u0001 Lovelace"), List.of("cs.LG"), null, null, null,
                Instant.parse("2025-01-02T10:00:00Z"), null, null);

        String xml = new AtomFeeds(URI.create("http://papers.example.org")).write("Paperwire search: q\u0001x",
                "/feeds/search.atom?q=q\u0001x", "/search?q=q\u0001x", List.of(stored), Instant.parse("2025-01-03T00:00:00Z"));

        AtomAssertions.assertValidAtom(xml);
        assertThat(xml).contains("Bell title").contains("Paperwire search: qx").contains("Ada Lovelace");
    }
}

package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.paper.Paper;

/**
 * Issue 12, point 7: what Lighthouse found missing in every page's head. Browsers asked for /favicon.ico and got
 * a 404 (a console error on every page), and no page had a meta description.
 */
class PageHeadTest {
    static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\">");
    static final String ABSTRACT = "We measure how far a favicon travels. " + "Its path is long and winding. ".repeat(10);

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension(Instant.parse("2026-06-30T18:00:00Z"),
            app -> app.papers().upsertAll(List.of(
                    new Paper("2606.00001", 1, "Favicons at scale", ABSTRACT, List.of("Ada Lovelace"), List.of("cs.CL"),
                            null, null, null, null, null, LocalDate.parse("2026-06-30")),
                    new Paper("2606.00002", 1, "A paper without an abstract", "", List.of("Alan Turing"),
                            List.of("cs.CL"), null, null, null, null, null, LocalDate.parse("2026-06-30")))));

    @Test
    void faviconIcoLeadsToTheSvgIconThePagesLink() throws Exception {
        var ico = server.get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(302);
        assertThat(ico.headers().firstValue("Location")).hasValue("/static/favicon.svg");

        var svg = server.get("/static/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void everyPageLinksTheIcon() throws Exception {
        for (String page : List.of("/", "/search?q=favicon&mode=keyword", "/papers/2606.00001", "/no/such/page")) {
            assertThat(server.get(page).body()).as(page)
                    .contains("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">");
        }
    }

    @Test
    void pagesWithoutTheirOwnDescriptionGetTheSitesOne() throws Exception {
        assertThat(description("/")).startsWith("Trending and new arXiv papers");
        assertThat(description("/search?q=favicon&mode=keyword")).startsWith("Trending and new arXiv papers");
    }

    @Test
    void aPaperIsDescribedByTheStartOfItsAbstractCutAtAWord() throws Exception {
        String description = description("/papers/2606.00001");

        assertThat(description).startsWith("We measure how far a favicon travels. Its path is long and winding.")
                .endsWith("winding.…").hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aPaperWithoutAnAbstractIsDescribedByItsTitle() throws Exception {
        assertThat(description("/papers/2606.00002")).isEqualTo("A paper without an abstract");
    }

    static String description(String page) throws Exception {
        Matcher m = DESCRIPTION.matcher(server.get(page).body());
        assertThat(m.find()).as("a meta description in %s", page).isTrue();
        return m.group(1);
    }
}

package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.paper.Paper;

/**
 * Issue 12, point 1: "week" means the same days on the search form ({@code window=week}), in the query syntax
 * ({@code since:week}) and on trending's Week tab. Today is a Sunday; the newest listing is Friday's, so the week
 * is the Saturday before last up to Friday (2026-03-07..13), not the seven days up to Sunday.
 */
class DateWindowIntegrationTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension(Instant.parse("2026-03-15T12:00:00Z"),
            app -> app.papers().upsertAll(papers()));

    static List<Paper> papers() {
        List<Paper> papers = new ArrayList<>();
        for (String day : List.of("2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-13")) {
            papers.add(new Paper("2603.000" + day.substring(8), 1, "Graph paper of " + day, "About graphs.",
                    List.of("A. Author"), List.of("cs.LG"), null, null, null, null, null, LocalDate.parse(day)));
        }
        return papers;
    }

    static JsonNode json(String path) throws Exception {
        var response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.get(field).forEach(n -> ids.add(n.get("id").asText()));
        return ids.stream().sorted().toList();
    }

    static List<String> search(String query, String window) throws Exception {
        return ids(json("/api/v1/search?mode=keyword&sort=date&window=" + window + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)), "hits");
    }

    static final List<String> WEEK = List.of("2603.00007", "2603.00008", "2603.00009", "2603.00013");

    @Test
    void theSearchFormsWeekIsTheSevenDaysEndingAtTheNewestListing() throws Exception {
        assertThat(search("graph", "week")).isEqualTo(WEEK);
    }

    @Test
    void sinceWeekInTheQueryGivesTheSameResultsAsTheFormsWeek() throws Exception {
        assertThat(search("graph since:week", "")).isEqualTo(search("graph", "week"));
    }

    @Test
    void trendingsWeekCoversTheSameDays() throws Exception {
        JsonNode week = json("/api/v1/trending?window=week");
        assertThat(week.get("reference_day").asText()).isEqualTo("2026-03-13");
        assertThat(ids(week, "items")).isEqualTo(WEEK);
    }

    @Test
    void todayIsTheNewestListingDayEverywhere() throws Exception {
        assertThat(search("graph", "today")).containsExactly("2603.00013");
        assertThat(search("graph since:today", "")).containsExactly("2603.00013");
        assertThat(ids(json("/api/v1/trending?window=today"), "items")).containsExactly("2603.00013");
    }
}

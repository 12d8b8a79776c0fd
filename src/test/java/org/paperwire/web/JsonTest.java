package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchResults;

/** Issue 12, point 7: one JSON convention for the API and the CLI; enums print as their ids. */
class JsonTest {
    @Test
    void anEnumValuePrintsAsItsIdNotItsJavaName() throws Exception {
        String json = Json.mapper().writeValueAsString(new SearchResults("q", SearchMode.HYBRID, 0, List.of(), List.of()));

        assertThat(json).contains("\"mode\":\"" + SearchMode.HYBRID.id() + "\"");
    }

    @Test
    void anEnumMapKeyPrintsLowerCaseToo() throws Exception {
        String json = Json.mapper().writeValueAsString(Map.of(SearchMode.KEYWORD, 1));

        assertThat(json).isEqualTo("{\"keyword\":1}");
    }

    @Test
    void recordComponentsPrintInSnakeCase() throws Exception {
        record Probe(int indexMb) {}

        assertThat(Json.mapper().writeValueAsString(new Probe(3))).isEqualTo("{\"index_mb\":3}");
    }
}

package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.web.ServerTestSupport.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.ingest.IngestRoutes;
import org.paperwire.paper.Papers;

class ServeIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void healthAndIngestStatusAnswerOnARealServer() throws Exception {
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString()).with(ConfigKey.PORT, "0"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        try (Paperwire app = new Paperwire(config, clock);
                WebServer web = new WebServer(Json.mapper(),
                        List.of(OpsRoutes.health(app.papers()), new IngestRoutes(app.harvests(), app.papers())))) {
            app.papers().upsertAll(List.of(Papers.paper("2501.00001", 1, "A")));
            int port = web.start(0);

            var health = get(port, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(health.body()).get("papers").asLong()).isEqualTo(1);

            var status = get(port, "/api/v1/ingest/status");
            assertThat(status.statusCode()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(status.body());
            assertThat(body.get("sources").isArray()).isTrue();
            for (JsonNode source : body.get("sources")) {
                assertThat(source.has("last_success")).isTrue();
                assertThat(source.has("last_error")).isTrue();
                assertThat(source.has("next_attempt")).isTrue();
                assertThat(source.get("total").has("new")).isTrue();
            }
        }
    }

    @Test
    void unknownPathsGetAJsonErrorWithoutAStackTrace() throws Exception {
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString()));
        try (Paperwire app = new Paperwire(config, Clock.systemUTC());
                WebServer web = new WebServer(Json.mapper(), List.of(OpsRoutes.health(app.papers())))) {
            var response = get(web.start(0), "/no/such/thing");
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.get("status").asInt()).isEqualTo(404);
            assertThat(body.get("title").asText()).isEqualTo("Not Found");
            assertThat(body.get("detail").asText()).contains("/no/such/thing");
        }
    }
}

package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.web.ServerTestSupport.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
                WebServer web = new WebServer(Json.mapper(), List.of(OpsRoutes.health(app.papers(), app::nodeStatus),
                        new IngestRoutes(app.harvests(), app.papers())))) {
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
    void healthTellsTheStoreThisNodesNameItsIndexLagAndItsLeases() throws Exception {
        // issue 11: with several nodes on one store, each says which store, who it is, how far behind and what it holds
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        try (Paperwire app = new Paperwire(config, clock);
                WebServer web = new WebServer(Json.mapper(), List.of(OpsRoutes.health(app.papers(), app::nodeStatus)))) {
            app.papers().upsertAll(List.of(Papers.paper("2501.00001", 1, "A"), Papers.paper("2501.00002", 1, "B")));
            app.leases().tryAcquire("harvest:arxiv", app.node().value(), "arxiv-oai", Duration.ofMinutes(2),
                    clock.instant());
            app.leases().tryAcquire("digest-batch:0", "another-node", "", Duration.ofMinutes(2), clock.instant());
            int port = web.start(0);

            JsonNode health = Json.mapper().readTree(get(port, "/healthz").body());
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("papers").asLong()).as("the keys before issue 11 stay").isEqualTo(2);
            assertThat(health.get("store").asText()).isEqualTo("sqlite");
            assertThat(health.get("node").asText()).isEqualTo(app.node().value());
            assertThat(health.get("index_lag").asLong()).as("the index has not followed yet").isEqualTo(2);
            assertThat(health.get("leases")).hasSize(1);
            assertThat(health.get("leases").get(0).get("name").asText()).isEqualTo("harvest:arxiv");
            assertThat(health.get("leases").get(0).get("expires_at").asText()).isEqualTo("2026-11-29T00:02:00Z");

            app.search().follower().catchUp();
            assertThat(Json.mapper().readTree(get(port, "/healthz").body()).get("index_lag").asLong()).isZero();
        }
    }

    @Test
    void unknownPathsGetAJsonErrorWithoutAStackTrace() throws Exception {
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString()));
        try (Paperwire app = new Paperwire(config, Clock.systemUTC());
                WebServer web = new WebServer(Json.mapper(), List.of(OpsRoutes.health(app.papers(), app::nodeStatus)))) {
            var response = get(web.start(0), "/no/such/thing");
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.get("status").asInt()).isEqualTo(404);
            assertThat(body.get("title").asText()).isEqualTo("Not Found");
            assertThat(body.get("detail").asText()).contains("/no/such/thing");
        }
    }
}

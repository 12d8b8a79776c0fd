package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;

/**
 * Issue 12, point 8: {@code /api/openapi.json} is what client generators read, so it must list every API route
 * the server mounts and name every operation. (Redocly's lint in {@code .ci/run} checks the rest of its rules.)
 */
class OpenApiDocumentTest {
    @TempDir
    static Path dir;
    static Paperwire app;
    static WebServer web;
    static JsonNode document;

    @BeforeAll
    static void mount() throws Exception {
        app = new Paperwire(TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString())),
                Clock.fixed(Instant.parse("2026-06-30T18:00:00Z"), ZoneOffset.UTC));
        web = WebApp.create(app); // mounted, never started: only its routes are read
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
            document = Json.mapper().readTree(in);
        }
    }

    @AfterAll
    static void close() {
        web.close();
        app.close();
    }

    /** "GET /api/v1/papers/{id}" for each operation in the document. */
    static List<String> documentedOperations() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : names(path.getValue())) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return operations;
    }

    static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** The server's routes in the document's spelling: Javalin's {@code <id>} is OpenAPI's {@code {id}}. */
    static List<String> mountedRoutes() {
        return web.routes().stream().map(r -> r.replaceAll("<([^>]+)>", "{$1}")).toList();
    }

    @Test
    void everyApiRouteTheServerMountsIsDocumented() {
        List<String> api = mountedRoutes().stream().filter(r -> r.split(" ", 2)[1].startsWith("/api/")).toList();
        assertThat(api).as("the fixture: the server mounts API routes").hasSizeGreaterThan(5);
        assertThat(documentedOperations()).containsAll(api);
    }

    @Test
    void everyDocumentedOperationIsMounted() {
        assertThat(mountedRoutes()).containsAll(documentedOperations());
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> ids = new ArrayList<>();
        for (JsonNode path : document.get("paths")) {
            for (JsonNode operation : path) {
                assertThat(operation.hasNonNull("operationId")).as(operation.get("summary").asText()).isTrue();
                ids.add(operation.get("operationId").asText());
            }
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(documentedOperations().size());
    }

    @Test
    void everyOperationSaysWhichCredentialsItNeedsFromTheDeclaredSchemes() {
        JsonNode schemes = document.get("components").get("securitySchemes");
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                assertThat(operation.getValue().has("security")).as(operation.getKey() + " " + path.getKey()).isTrue();
                for (JsonNode requirement : operation.getValue().get("security")) {
                    assertThat(names(schemes)).containsAll(names(requirement));
                }
            }
        }
    }

    @Test
    void aVoteNeedsTheVisitorCookieAndItsCsrfToken() {
        assertThat(names(document.at("/paths/~1api~1v1~1papers~1{id}~1vote/post/security/0")))
                .containsExactlyInAnyOrder("visitorCookie", "csrfToken");
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.at("/visitorCookie/name").asText()).isEqualTo(VisitorCookies.COOKIE);
        assertThat(schemes.at("/csrfToken/name").asText()).isEqualTo("X-CSRF-Token");
    }

    @Test
    void theDigestStatusNeedsTheOperatorTokenAsBearer() {
        assertThat(names(document.at("/paths/~1api~1v1~1digest~1status/get/security/0")))
                .containsExactly("operatorToken");
        assertThat(document.at("/components/securitySchemes/operatorToken/scheme").asText()).isEqualTo("bearer");
    }
}

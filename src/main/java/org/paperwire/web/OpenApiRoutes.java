package org.paperwire.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code /api/openapi.json}: the API's OpenAPI 3.1 description, kept beside the code in resources. */
public final class OpenApiRoutes implements Routes {
    private final String document;

    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
}

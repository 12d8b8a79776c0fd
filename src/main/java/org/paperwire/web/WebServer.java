package org.paperwire.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: mounts every feature's routes and turns errors into JSON without stack traces. */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String RENDERED = "paperwire.error-rendered";
    private final Javalin app;

    public WebServer(ObjectMapper json, List<Routes> routes) {
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            routes.forEach(r -> r.register(config));
            config.routes.exception(HttpError.class, (e, ctx) -> {
                ctx.attribute(RENDERED, true);
                ctx.status(e.toApiError().status()).json(e.toApiError());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError(500, "Internal Server Error",
                        "the server failed to answer; the log has the details"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(RENDERED) == null) {
                    ctx.json(new ApiError(404, "Not Found", "no such page: " + ctx.path()));
                }
            });
        });
    }

    /** Starts listening on {@code port} (0 picks a free port) and returns the port in use. */
    public int start(int port) {
        app.start(port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}

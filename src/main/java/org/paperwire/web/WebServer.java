package org.paperwire.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: mounts every feature's routes, serves the static assets, adds security headers, and turns
 * errors into JSON {@link ApiError}s for the API and feeds or a friendly page for people, never a stack trace.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String RENDERED = "paperwire.error-rendered";
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Javalin app;
    private final Templates templates;

    /** A server for the JSON API alone (no pages, no metrics). */
    public WebServer(ObjectMapper json, List<Routes> routes) {
        this(json, null, null, routes);
    }

    public WebServer(ObjectMapper json, Templates templates, RequestMetrics metrics, List<Routes> routes) {
        this.templates = templates;
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(json)));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(WebServer::securityHeaders);
            config.routes.before(WebServer::readForm);
            // browsers and feed readers ask for /favicon.ico whatever the page links; there is one icon, in SVG
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", HttpStatus.FOUND));
            if (metrics != null) {
                config.requestLogger.http(metrics::record);
            }
            routes.forEach(r -> r.register(config));
            config.routes.exception(HttpError.class, (e, ctx) -> renderError(ctx, e.toApiError()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("request {} {} failed", ctx.method(), ctx.path(), e);
                renderError(ctx, new ApiError(500, "Internal Server Error",
                        "the server failed to answer; the log has the details"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(RENDERED) == null) {
                    renderError(ctx, new ApiError(404, "Not Found", "no such page: " + ctx.path()));
                }
            });
        });
    }

    /**
     * Reads a posted form before any handler runs: a handler that answers without reading it (a form from elsewhere,
     * refused for its missing token) left the body unread, the server closed the connection, and a keep-alive client
     * that sent its next request on it got no answer. Javalin keeps the body, so handlers read the form again for
     * free. Multipart uploads are left to their handlers.
     */
    private static void readForm(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap();
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    /** JSON for the API and feeds, an HTML page for everything else. */
    private void renderError(Context ctx, ApiError error) {
        ctx.attribute(RENDERED, true);
        ctx.status(error.status());
        if (wantsJson(ctx) || templates == null) {
            ctx.json(error);
        } else {
            templates.render(ctx, "error.jte", new PageContext("", "", ""), error);
        }
    }

    static boolean wantsJson(Context ctx) {
        return wantsJson(ctx.path());
    }

    static boolean wantsJson(String path) {
        return path.startsWith("/api/") || path.startsWith("/feeds/") || path.equals("/healthz")
                || path.equals("/metrics");
    }

    /**
     * Method and path of every route mounted, such as {@code GET /api/v1/papers/<id>}: the test that keeps
     * {@code openapi.json} complete compares them with the document.
     */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(route -> route.endpoint.method.isHttpMethod())
                .map(route -> route.endpoint.method.name() + " " + route.endpoint.path)
                .toList();
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

package org.paperwire.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP server on a free local port that replays recorded upstream responses. Each route matches
 * a path and a condition on the decoded query parameters and answers with its replies in turn, repeating
 * the last; unmatched requests get a 404 that says so. Every request is remembered for assertions.
 */
public final class ReplayServer implements AutoCloseable {
    /** One response to send; {@link #hang()} never answers until the server closes (for timeouts). */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean hangs) {
        public static Reply of(int status, byte[] body) {
            return new Reply(status, Map.of(), body, false);
        }

        public static Reply ok(byte[] body) {
            return of(200, body);
        }

        public static Reply text(int status, String body) {
            return of(status, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply file(Path file) {
            try {
                return ok(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A fixture under src/test/resources, e.g. {@code fixtures/arxiv-oai/page.xml}. */
        public static Reply resource(String name) {
            try (InputStream in = ReplayServer.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource " + name);
                }
                return ok(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Reply hang() {
            return new Reply(0, Map.of(), new byte[0], true);
        }

        public Reply withStatus(int newStatus) {
            return new Reply(newStatus, headers, body, hangs);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body, hangs);
        }
    }

    /** A request as the server saw it. */
    public record Request(String path, Map<String, String> query, String userAgent) {}

    private record Route(String path, Predicate<Map<String, String>> when, List<Reply> replies, int[] served) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public ReplayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests to {@code path} whose query satisfies {@code when} with {@code replies} in turn. */
    public ReplayServer on(String path, Predicate<Map<String, String>> when, Reply... replies) {
        routes.add(new Route(path, when, List.of(replies), new int[1]));
        return this;
    }

    /** Forgets earlier routes (a later harvest sees a changed upstream). */
    public ReplayServer reset() {
        routes.clear();
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(path, query, exchange.getRequestHeaders().getFirst("User-Agent")));
            Reply reply = routes.stream().filter(r -> r.path().equals(path) && r.when().test(query)).findFirst()
                    .map(ReplayServer::next)
                    .orElse(Reply.text(404, "no recorded response for " + exchange.getRequestURI()));
            if (reply.hangs()) {
                closing.await();
                return;
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized Reply next(Route route) {
        int i = Math.min(route.served()[0]++, route.replies().size() - 1);
        return route.replies().get(i);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;

/**
 * Issue 9, finding 7: every parameter of every route that {@code /api/openapi.json} lists (read from the running
 * server), and the pages that take the same parameters, get a corpus of hostile values, alone and beside valid
 * values for the other parameters. No answer may be a 5xx, none may show a stack trace, and an API or feed error
 * must carry the documented {@code {status, title, detail}} body.
 */
class HostileInputTest {
    static final String PAPER = "2503.11731";

    @TempDir
    static Path dir;
    static TestServer server;
    static int port;
    static final HttpClient client = HttpClient.newHttpClient();

    /** Background embedding stays on here (unlike {@link TestServer#settings}), as it was: hybrid search is hit too. */
    @BeforeAll
    static void start() throws Exception {
        ConfigSources settings = ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.WEB_VOTES_PER_MINUTE, "100000")
                .with(ConfigKey.WEB_PREVIEWS_PER_MINUTE, "100000")
                .with(ConfigKey.SUBSCRIPTION_PER_CLIENT_PER_HOUR, "100000");
        server = TestServer.start(settings, Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"), ZoneOffset.UTC),
                app -> app.bulkImporter().importFiles(List.of(Path.of("src/test/resources/fixtures/bulk/2025-03-18.jsonl")),
                        ImportOptions.detect(), ImportProgress.NONE));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Values as they go on the wire: most percent-encoded from text, some raw (invalid UTF-8, stray percents). */
    static List<String> corpus() {
        List<String> text = new ArrayList<>(List.of("", " ", "a".repeat(7_000), "word ".repeat(1_000), "x".repeat(20_000),
                "\u0000", "a\u0000b", "\u0085", "\u0001\u0002\u001f\u007f", "\u2028\u2029", "\uFEFF", "\uFFFE\uFFFF",
                "99999999999999999999", "-1", "-99999999999999999999", "0", "1e309", "NaN", "-0", "0x10", "1.5", "+5",
                "\u0663", "2406.01234v99999999999", "2406.01234v0", "hep-th/9901001v99999999999", "9999.99999",
                "2406.012345678901234567890", "量子计算 Ünïcödé 🚀", "../../etc/passwd", "..\\..\\windows\\win.ini",
                "/etc/passwd", "....//....//", "' OR 1=1 --", "\"; DROP TABLE papers; --", "1; SELECT sqlite_version()",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "a\r\nSet-Cookie: evil=1", "\r\n",
                "author:\"", "cat:", "since:", "since:99999-01-01", "since:2025-13-45", "since:" + "9".repeat(30),
                "\"unterminated", "a AND OR NOT", "*:*", "title:[a TO b]", "~~~", "(((", ")", "\\", "/regex/", "-", "--",
                "-a -b -c", "author:" + "x".repeat(400), "cat:" + "y".repeat(400), "2025-02-30", "0000-01-01",
                "+999999999-12-31", "-999999999-01-01", "2025-1-1", "CUSTOM", "custom ", "today\u0000", "%", "%%",
                manyTermsAndExclusions()));
        List<String> wire = text.stream().map(HostileInputTest::encode).collect(Collectors.toCollection(ArrayList::new));
        wire.addAll(List.of("%FF", "%C3%28", "%E0%80%AF", "%ED%A0%80", "%", "%zz", "%u0041", "%00", "%C2%85",
                "%F4%90%80%80", "a%2Fb", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%252f..%252f", "%0d%0aX-Evil:%201"));
        return wire;
    }

    static String manyTermsAndExclusions() {
        return IntStream.range(0, 300).mapToObj(i -> "term" + i).collect(Collectors.joining(" ")) + " "
                + IntStream.range(0, 233).mapToObj(i -> "-ex" + i).collect(Collectors.joining(" "));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One route from the OpenAPI document, with a valid value for each of its parameters. */
    record Route(String method, String path, Map<String, String> query, Map<String, String> pathParams, List<String> headers) {}

    static List<Route> routes(JsonNode openapi) {
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                Map<String, String> query = new LinkedHashMap<>();
                Map<String, String> pathParams = new LinkedHashMap<>();
                List<String> headers = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    String name = p.get("name").asText();
                    switch (p.get("in").asText()) {
                        case "query" -> query.put(name, valid(name, p.path("schema")));
                        case "path" -> pathParams.put(name, valid(name, p.path("schema")));
                        case "header" -> headers.add(name);
                        default -> throw new AssertionError("parameter in " + p.get("in"));
                    }
                }
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), query, pathParams,
                        headers));
            }
        }
        return routes;
    }

    /** A value the route accepts, so that the hostile one is the only thing wrong with a request. */
    static String valid(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(schema.get("enum").size() - 1).asText();
        }
        return switch (name) {
            case "id" -> PAPER;
            case "q" -> "gaussian splatting";
            case "cat" -> "cs.CV";
            case "since" -> "2025-03-01";
            case "until" -> "2025-03-19";
            case "window" -> "week";
            case "mode" -> "keyword";
            default -> schema.path("type").asText().equals("integer") ? schema.path("minimum").asText("1") : "x";
        };
    }

    HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(r::header);
        try {
            return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the pooled keep-alive connection was closed by the server after an earlier refused body (a race of the
            // client's pool, not an answer): ask again on a fresh connection, where no answer at all is a failure
            try (HttpClient fresh = HttpClient.newHttpClient()) {
                return fresh.send(r.build(), HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    static String url(Route route, Map<String, String> pathParams, Map<String, String> query) {
        String path = route.path();
        for (Map.Entry<String, String> p : pathParams.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return path + (query.isEmpty() ? "" : "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
    }

    final List<String> problems = new ArrayList<>();

    void check(String method, String url, HttpResponse<String> r) throws Exception {
        String what = method + " " + (url.length() > 160 ? url.substring(0, 160) + "…" : url) + " → " + r.statusCode();
        if (r.statusCode() >= 500) {
            problems.add(what + ": " + r.body().substring(0, Math.min(200, r.body().length())));
            return;
        }
        if (r.body().contains("Exception") || r.body().contains("\tat org.") || r.body().contains("at io.javalin")) {
            problems.add(what + ": a stack trace");
        }
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (r.statusCode() >= 400 && (path.startsWith("/api/") || path.startsWith("/feeds/"))) {
            JsonNode error;
            try {
                error = Json.mapper().readTree(r.body());
            } catch (IOException e) {
                problems.add(what + ": not the JSON error body: " + r.body().substring(0, Math.min(120, r.body().length())));
                return;
            }
            List<String> fields = new ArrayList<>();
            error.fieldNames().forEachRemaining(fields::add);
            if (!fields.equals(List.of("status", "title", "detail")) || error.get("status").asInt() != r.statusCode()
                    || error.get("detail").asText().isBlank()) {
                problems.add(what + ": error body " + r.body());
            }
        }
    }

    @Test
    void everyParameterOfEveryDocumentedRouteSurvivesHostileValues() throws Exception {
        HttpResponse<String> doc = send("GET", "/api/openapi.json", Map.of(), null);
        assertThat(doc.statusCode()).isEqualTo(200);
        List<Route> routes = routes(Json.mapper().readTree(doc.body()));
        assertThat(routes).extracting(Route::path).contains("/api/v1/search", "/api/v1/papers/{id}", "/feeds/search.atom");
        List<String> corpus = corpus();
        int requests = 0;
        for (Route route : routes) {
            List<String> names = new ArrayList<>(route.query().keySet());
            names.addAll(route.pathParams().keySet());
            names.addAll(route.headers());
            for (String name : names) {
                for (String value : corpus) {
                    for (boolean alone : List.of(true, false)) {
                        requests += hostile(route, name, value, alone);
                    }
                }
            }
            if (names.isEmpty()) {
                String url = url(route, Map.of(), Map.of());
                check(route.method(), url, send(route.method(), url, Map.of(), null));
                requests++;
            }
        }
        assertThat(problems).as(problems.size() + " of " + requests + " requests").isEmpty();
    }

    /** One request with {@code value} as parameter {@code name}: alone, or beside valid values for the others. */
    int hostile(Route route, String name, String value, boolean alone) throws Exception {
        Map<String, String> query = new LinkedHashMap<>(alone ? Map.of() : route.query());
        Map<String, String> pathParams = new LinkedHashMap<>(route.pathParams());
        Map<String, String> headers = new LinkedHashMap<>();
        if (route.query().containsKey(name)) {
            query.put(name, value);
        } else if (route.pathParams().containsKey(name)) {
            pathParams.put(name, value);
        } else {
            String decoded = URLDecoder.decode(value.replace("%", "%25").replace("%2525", "%25"), StandardCharsets.UTF_8);
            if (decoded.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                return 0; // a header value the HTTP client itself refuses to send
            }
            headers.put(name, decoded);
        }
        if (alone && route.pathParams().containsKey(name) && !route.query().isEmpty()) {
            query = new LinkedHashMap<>(route.query());
        }
        String url = url(route, pathParams, query);
        HttpResponse<String> r;
        try {
            r = send(route.method(), url, headers, null);
        } catch (IllegalArgumentException refusedByTheClient) {
            return 0; // e.g. a path the URI class cannot hold: nothing reached the server
        } catch (IOException e) {
            try { // a connection the server closed after refusing the previous request: once more on a fresh one
                r = send(route.method(), url, headers, null);
                check(route.method(), url, r);
                return 1;
            } catch (IOException again) {
                // reported below
            }
            problems.add(route.method() + " " + (url.length() > 160 ? url.substring(0, 160) + "…" : url)
                    + ": no answer (" + e.getMessage() + ")");
            return 1;
        }
        check(route.method(), url, r);
        return 1;
    }
    /** The pages that take the API's parameters, and the links from mails, get the same corpus: no 5xx. */
    @Test
    void thePagesBehindTheApiSurviveTheSameValues() throws Exception {
        Map<String, String> search = new LinkedHashMap<>(Map.of("q", "gaussian", "mode", "keyword", "cat", "cs.CV",
                "window", "custom", "since", "2025-03-01", "until", "2025-03-19", "sort", "date", "page", "1"));
        List<Route> pages = List.of(
                new Route("GET", "/search", search, Map.of(), List.of()),
                new Route("GET", "/", Map.of("window", "week", "cat", "cs.CV", "page", "1"), Map.of(), List.of()),
                new Route("GET", "/new", Map.of("cat", "cs.CV", "page", "1"), Map.of(), List.of()),
                new Route("GET", "/papers/{id}", Map.of(), Map.of("id", PAPER), List.of()),
                new Route("POST", "/papers/{id}/vote", Map.of(), Map.of("id", PAPER), List.of()),
                new Route("GET", "/digest/preview", Map.of("t", "x"), Map.of(), List.of()),
                new Route("GET", "/subscription/confirm", Map.of("t", "x"), Map.of(), List.of()),
                new Route("GET", "/subscription/manage", Map.of("t", "x"), Map.of(), List.of()),
                new Route("GET", "/subscription/unsubscribe", Map.of("t", "x"), Map.of(), List.of()),
                new Route("POST", "/subscription/unsubscribe", Map.of("t", "x"), Map.of(), List.of()));
        int requests = 0;
        for (Route route : pages) {
            List<String> names = new ArrayList<>(route.query().keySet());
            names.addAll(route.pathParams().keySet());
            for (String name : names) {
                for (String value : corpus()) {
                    requests += hostile(route, name, value, false);
                }
            }
        }
        assertThat(problems).as(problems.size() + " of " + requests + " requests").isEmpty();
    }

    /** Malformed JSON and form bodies get a 4xx with the reason (JSON for the API), never a 5xx. */
    @Test
    void malformedBodiesAreRefusedWithTheReason() throws Exception {
        List<String> json = List.of("", "{", "[]", "null", "42", "\"text\"", "{\"email\": 5}", "{\"email\": null}",
                "{\"email\": \"" + "a".repeat(60_000) + "@example.org\"}", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"email\": \"a@example.org\", \"categories\": \"cs.CL\"}",
                "{\"email\": \"a@example.org\", \"categories\": [{}], \"searches\": [null]}",
                "{\"email\": \"a@example.org\", \"authors\": [\"" + "x".repeat(5_000) + "\"]}",
                "{\"email\": \"a@example.org\", \"categories\": [\"../../etc\"]}",
                "{\"email\": \"a\u0000b@example.org\"}", "{\"email\": \"\ud800@example.org\"}",
                "\u0000\u0001", "{\"email\": \"a@example.org\"} trailing", "{\"email\": 1e999999}");
        for (String body : json) {
            for (String type : List.of("application/json", "text/plain", "application/json; charset=latin1")) {
                HttpResponse<String> r = send("POST", "/api/v1/subscriptions", Map.of("Content-Type", type), body);
                check("POST", "/api/v1/subscriptions " + type + " " + body, r);
            }
        }
        String token = "&t=x&csrf=x";
        List<String> forms = List.of("", "%", "email=%FF", "email=" + "a".repeat(60_000), "frequency=daily&hour=99999999999"
                + token, "kind=search&value=%00&cap=-1" + token, "kind=nope" + token, "action=unvote&csrf=%00",
                "zone=../../etc/localtime&frequency=daily" + token, "t=%00", "List-Unsubscribe=One-Click");
        for (String path : List.of("/subscribe", "/subscription/manage", "/subscription/confirm",
                "/subscription/unsubscribe", "/subscription/link", "/papers/" + PAPER + "/vote")) {
            for (String form : forms) {
                HttpResponse<String> r = send("POST", path, Map.of("Content-Type",
                        "application/x-www-form-urlencoded"), form);
                check("POST", path + " " + form, r);
            }
        }
        assertThat(problems).isEmpty();
    }
}

package org.paperwire.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.paperwire.web.TestServer;

/**
 * A browser as far as the reader's pages need one: it keeps the cookies the server sets (whatever their Secure
 * flag: the test server speaks plain http behind an https public-url), follows no redirects, and reads CSRF tokens
 * from the last page's forms.
 */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestServer server;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> last;

    public Browser(TestServer server) {
        this.server = server;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    /** A form POST; {@code fields} alternate name and value. */
    public HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded").build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        last = response;
        return response;
    }

    /** The first CSRF token in the last page's forms. */
    public String csrf() {
        Matcher m = CSRF.matcher(last.body());
        assertThat(m.find()).as("a csrf field in:\n" + last.body()).isTrue();
        return m.group(1);
    }

    /** The CSRF token of the form posting to {@code action} in the last page. */
    public String csrf(String action) {
        Matcher m = Pattern.compile("action=\"" + Pattern.quote(action) + "\"[^>]*>\\s*<input type=\"hidden\""
                + " name=\"csrf\" value=\"([^\"]+)\"").matcher(last.body());
        assertThat(m.find()).as("a form to " + action + " in:\n" + last.body()).isTrue();
        return m.group(1);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void dropCookie(String name) {
        cookies.remove(name);
    }
}

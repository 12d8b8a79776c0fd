package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.paper.Papers;

/**
 * Issue 9, findings 2 and 4 on the real server (port 0): rate limits key on the client network as the trusted
 * proxies report it, and neither fresh cookies nor reloads inflate votes and views. The test client connects from
 * 127.0.0.1 and plays the proxy by writing X-Forwarded-For / Forwarded itself; it keeps no cookies of its own.
 */
class ClientLimitsIntegrationTest {
    static final String PAPER = "2501.00001";
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;
    Paperwire app;
    WebServer web;
    int port;
    final HttpClient client = HttpClient.newHttpClient();

    /** A visitor: its cookie and CSRF token, from a first load of the paper's page. */
    record Visitor(String cookie, String csrf) {}

    void start(Map<ConfigKey, String> settings) {
        ConfigSources sources = ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString());
        for (Map.Entry<ConfigKey, String> e : settings.entrySet()) {
            sources = sources.with(e.getKey(), e.getValue());
        }
        app = new Paperwire(TestConfigs.from(sources), Clock.fixed(Instant.parse("2025-01-03T12:00:00Z"),
                ZoneOffset.UTC));
        app.papers().upsertAll(List.of(Papers.paper(PAPER, 1, "A paper to vote for")));
        web = WebApp.create(app);
        port = web.start(0);
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
            app.close();
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    Visitor freshVisitor() throws Exception {
        HttpResponse<String> page = send(request("/papers/" + PAPER));
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("pw_visitor="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).isTrue();
        return new Visitor(cookie, m.group(1));
    }

    int vote(Visitor v, String header, String value) throws Exception {
        HttpRequest.Builder r = request("/api/v1/papers/" + PAPER + "/vote").POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", v.cookie()).header("X-CSRF-Token", v.csrf());
        if (header != null) {
            r.header(header, value);
        }
        return send(r).statusCode();
    }

    /** The statuses of one vote by {@code v} for each of {@code values} of {@code header}, in turn. */
    List<Integer> votes(Visitor v, String header, String... values) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String value : values) {
            statuses.add(vote(v, header, value));
        }
        return statuses;
    }

    @Test
    void behindATrustedProxyTwoClientsGetSeparateBuckets() throws Exception {
        start(Map.of(ConfigKey.WEB_TRUSTED_PROXIES, "127.0.0.1/32", ConfigKey.WEB_VOTES_PER_MINUTE, "2"));
        Visitor v = freshVisitor();
        assertThat(votes(v, "X-Forwarded-For", "203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"))
                .as("the last from another client behind the same proxy").containsExactly(200, 200, 429, 200);
        assertThat(vote(v, "Forwarded", "for=\"203.0.113.3:4711\";proto=https")).isEqualTo(200);
        assertThat(vote(v, "X-Forwarded-For", "198.51.100.9, 203.0.113.1"))
                .as("what the client wrote left of the proxy's entry changes nothing").isEqualTo(429);
    }

    @Test
    void fromAnUntrustedPeerAForgedForwardedForIsIgnored() throws Exception {
        start(Map.of(ConfigKey.WEB_VOTES_PER_MINUTE, "2"));
        Visitor v = freshVisitor();
        assertThat(votes(v, "X-Forwarded-For", "203.0.113.1", "203.0.113.2", "203.0.113.3")).containsExactly(200, 200, 429);
        assertThat(vote(v, "Forwarded", "for=203.0.113.4")).isEqualTo(429);
    }

    @Test
    void twoIpv6AddressesInOneSlash64ShareABucket() throws Exception {
        start(Map.of(ConfigKey.WEB_TRUSTED_PROXIES, "127.0.0.1", ConfigKey.WEB_VOTES_PER_MINUTE, "2"));
        Visitor v = freshVisitor();
        assertThat(votes(v, "X-Forwarded-For", "2001:db8:1:2::1", "2001:db8:1:2:aaaa:bbbb:cccc:dddd")).containsExactly(200, 200);
        assertThat(vote(v, "Forwarded", "for=\"[2001:db8:1:2::99]\"")).as("same /64").isEqualTo(429);
        assertThat(vote(v, "X-Forwarded-For", "2001:db8:1:3::1")).as("the next /64").isEqualTo(200);
    }

    @Test
    void manyFreshCookiesFromOneAddressCannotPushVotesPastTheCap() throws Exception {
        start(Map.of(ConfigKey.WEB_VOTES_PER_MINUTE, "1000", ConfigKey.WEB_VOTES_PER_NETWORK_PER_PAPER, "3"));
        int[] statuses = new int[10];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = vote(freshVisitor(), null, null);
        }
        assertThat(statuses).containsExactly(200, 200, 200, 403, 403, 403, 403, 403, 403, 403);
        HttpResponse<String> paper = send(request("/api/v1/papers/" + PAPER));
        assertThat(Json.mapper().readTree(paper.body()).get("signals").get("votes").asLong()).isEqualTo(3);
        HttpResponse<String> refused = send(request("/api/v1/papers/" + PAPER + "/vote")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Cookie", freshVisitor().cookie())
                .header("X-CSRF-Token", "x"));
        assertThat(refused.statusCode()).isEqualTo(403);
        Visitor last = freshVisitor();
        HttpResponse<String> capped = send(request("/api/v1/papers/" + PAPER + "/vote")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Cookie", last.cookie())
                .header("X-CSRF-Token", last.csrf()));
        assertThat(Json.mapper().readTree(capped.body()).get("detail").asText()).contains("at most 3 per network");
        assertThat(send(request("/about")).body()).contains("At most <strong>3 votes</strong> from one network");
    }

    @Test
    void repeatedGetsOfAPaperCountOneView() throws Exception {
        start(Map.of());
        Visitor v = freshVisitor(); // the first view, by the visitor whose cookie it issued
        for (int i = 0; i < 5; i++) {
            assertThat(send(request("/papers/" + PAPER).header("Cookie", v.cookie())).statusCode()).isEqualTo(200);
        }
        app.views().flush();
        assertThat(app.signals().signals(PAPER).views()).isEqualTo(1);

        for (int i = 0; i < 5; i++) { // a script without cookies counts as its network, once
            assertThat(send(request("/api/v1/papers/" + PAPER)).statusCode()).isEqualTo(200);
        }
        app.views().flush();
        assertThat(app.signals().signals(PAPER).views()).isEqualTo(2);

        for (int i = 0; i < 30; i++) { // fresh cookies from one address: at most the network's daily cap
            freshVisitor();
        }
        app.views().flush();
        assertThat(app.signals().signals(PAPER).views()).isEqualTo(10);
    }
}

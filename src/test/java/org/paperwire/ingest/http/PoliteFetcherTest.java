package org.paperwire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperwire.ingest.http.ReplayServer.Reply;

class PoliteFetcherTest {
    private static final Instant START = Instant.parse("2024-06-03T12:00:00Z");
    private final FakeTime time = new FakeTime(START);
    private final ReplayServer server = new ReplayServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private PoliteFetcher fetcher(Duration interval, int attempts) {
        return fetcher(interval, attempts, Duration.ofSeconds(60));
    }

    private PoliteFetcher fetcher(Duration interval, int attempts, Duration timeout) {
        return new PoliteFetcher(PoliteFetcher.defaultClient(timeout),
                new PoliteFetcher.Settings(interval, Duration.ofMinutes(10), attempts, timeout, Duration.ofSeconds(5)),
                time, time);
    }

    @Test
    void sendsAUserAgentNamingPaperwireAndDecodesTheBodyAsUtf8Bytes() throws Exception {
        server.on("/feed", q -> true, Reply.ok("<name>Dirk Wübben</name>".getBytes(StandardCharsets.UTF_8)));

        HttpBody body = fetcher(Duration.ZERO, 1).get(server.url("/feed"));

        assertThat(body.text()).isEqualTo("<name>Dirk Wübben</name>");
        assertThat(server.requests().getFirst().userAgent()).startsWith("Paperwire/");
    }

    @Test
    void leavesTheRequestIntervalBetweenTheEndOfOneRequestAndTheStartOfTheNext() throws Exception {
        server.on("/page", q -> true, Reply.text(200, "ok"));
        PoliteFetcher fetcher = fetcher(Duration.ofSeconds(3), 1);

        fetcher.get(server.url("/page"));
        fetcher.get(server.url("/page"));
        time.advance(Duration.ofSeconds(2)); // parsing the page took a while
        fetcher.get(server.url("/page"));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    @Test
    void waitsOutA503WithRetryAfterInSecondsAndThenSucceeds() throws Exception {
        server.on("/oai", q -> true,
                Reply.text(503, "busy").withHeader("Retry-After", "120"),
                Reply.text(200, "done"));

        HttpBody body = fetcher(Duration.ofSeconds(3), 4).get(server.url("/oai"));

        assertThat(body.text()).isEqualTo("done");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(120));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() throws Exception {
        String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(90).atOffset(ZoneOffset.UTC));
        server.on("/oai", q -> true,
                Reply.text(503, "busy").withHeader("Retry-After", in90s),
                Reply.text(200, "done"));

        fetcher(Duration.ZERO, 4).get(server.url("/oai"));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanTheMostItMayWait() {
        server.on("/oai", q -> true, Reply.text(503, "come back tomorrow").withHeader("Retry-After", "86400"));
        URI url = server.url("/oai");

        assertThatThrownBy(() -> fetcher(Duration.ZERO, 4).get(url))
                .isInstanceOf(FetchException.class)
                .hasMessage("GET " + url + ": HTTP 503 Service Unavailable with Retry-After 86400s,"
                        + " longer than the 600s we wait at most");
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void reportsAServerErrorWithItsUrlAndStatusWithoutRetrying() {
        server.on("/oai", q -> true, Reply.text(500, "oops"));
        URI url = server.url("/oai");

        assertThatThrownBy(() -> fetcher(Duration.ZERO, 4).get(url))
                .isInstanceOf(FetchException.class)
                .hasMessage("GET " + url + ": HTTP 500 Internal Server Error")
                .satisfies(e -> assertThat(((FetchException) e).response().orElseThrow().text()).isEqualTo("oops"));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retriesA503WithoutRetryAfterWithDoublingBackoffAndThenGivesUp() {
        server.on("/oai", q -> true, Reply.text(503, "busy"));
        URI url = server.url("/oai");

        assertThatThrownBy(() -> fetcher(Duration.ZERO, 3).get(url))
                .hasMessage("GET " + url + ": HTTP 503 Service Unavailable (gave up after 3 attempts)");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void retriesConnectionErrorsWithBackoffAndNamesTheUrlWhenItGivesUp() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/oai");
        }
        URI url = closed;

        assertThatThrownBy(() -> fetcher(Duration.ZERO, 3).get(url))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("GET " + url + ": connection failed (")
                .hasMessageEndingWith("(gave up after 3 attempts)");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void reportsATimeoutWithTheLimitItWaited() {
        // the server never answers; the client gives up after its (short) timeout on each of two tries
        server.on("/slow", q -> true, Reply.hang());
        URI url = server.url("/slow");

        assertThatThrownBy(() -> fetcher(Duration.ZERO, 2, Duration.ofMillis(100)).get(url))
                .hasMessage("GET " + url + ": timed out after 0.1s (gave up after 2 attempts)");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void writesDurationsInSeconds() {
        assertThat(PoliteFetcher.seconds(Duration.ofSeconds(60))).isEqualTo("60s");
        assertThat(PoliteFetcher.seconds(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }
}

package org.paperwire.ingest.http;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.paperwire.schedule.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs pages from an upstream that asks to be treated gently (arXiv: one request every 3 seconds).
 * One fetcher is shared by every source that talks to the same host, so the pace holds across them:
 * a request starts no sooner than {@code requestInterval} after the previous one finished. A {@code 503}
 * or {@code 429} with {@code Retry-After} is waited out (up to {@code maxRetryAfter}); timeouts, connection
 * errors and a 503 without Retry-After are retried with doubling backoff, {@code attempts} tries in all.
 */
public final class PoliteFetcher {
    private static final Logger log = LoggerFactory.getLogger(PoliteFetcher.class);
    /** Sent with every request so that upstream operators can see who is calling. */
    public static final String USER_AGENT = "Paperwire/0.1.0 (self-hosted research paper reader; Java HttpClient)";
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    /**
     * How polite to be.
     *
     * @param requestInterval least time between the end of one request and the start of the next
     * @param maxRetryAfter longest Retry-After waited out; a longer one fails the request at once
     * @param attempts tries per request on 503, timeouts and connection errors
     * @param timeout limit for one whole request, body included
     * @param firstBackoff wait before the second try when the server gave no Retry-After; doubles each time, up to
     *     {@code maxRetryAfter} (we never wait longer of our own accord than we would at a server's request)
     */
    public record Settings(Duration requestInterval, Duration maxRetryAfter, int attempts, Duration timeout,
            Duration firstBackoff) {

        /** The wait between tries when the server gave no Retry-After. */
        public Backoff backoff() {
            return Backoff.doubling(firstBackoff, maxRetryAfter);
        }
    }

    /** A failed try that may succeed later: its error, and how long the server asked us to wait, if it did. */
    private static final class Retryable extends Exception {
        final FetchException error;
        final transient Duration retryAfter;

        Retryable(FetchException error, Duration retryAfter) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.retryAfter = retryAfter;
        }
    }

    private final HttpClient client;
    private final Settings settings;
    private final Backoff backoff;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final ReentrantLock turn = new ReentrantLock();
    private Instant nextAllowed = Instant.MIN;

    public PoliteFetcher(HttpClient client, Settings settings, InstantSource clock, Sleeper sleeper) {
        this.client = client;
        this.settings = settings;
        this.backoff = settings.backoff();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A client suitable for this fetcher: follows redirects (http to https), connects within the timeout. */
    public static HttpClient defaultClient(Duration timeout) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
    }

    /** GETs {@code uri}, returning a 2xx response; anything else, after the retries, is a {@link FetchException}. */
    public HttpBody get(URI uri) throws FetchException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(uri);
            } catch (Retryable retry) {
                if (attempt >= settings.attempts()) {
                    throw giveUp(retry.error, attempt);
                }
                Duration wait = retry.retryAfter != null ? retry.retryAfter : backoff.delayAfter(attempt);
                log.info("{}; retrying in {}", retry.getMessage(), seconds(wait));
                sleep(uri, wait);
            }
        }
    }

    private HttpBody attempt(URI uri) throws FetchException, Retryable {
        turn.lock();
        try {
            sleep(uri, Duration.between(clock.instant(), nextAllowed));
            return check(send(uri));
        } finally {
            nextAllowed = clock.instant().plus(settings.requestInterval());
            turn.unlock();
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws FetchException, Retryable {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(settings.timeout())
                .header("User-Agent", USER_AGENT).build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout covers the wait for headers only; this bounds the body too
            return pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Retryable(fail(uri, "timed out after " + seconds(settings.timeout()), null, e), null);
        } catch (ExecutionException e) {
            throw new Retryable(transportFailure(uri, e.getCause()), null);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw fail(uri, "interrupted", null, e);
        }
    }

    private FetchException transportFailure(URI uri, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return fail(uri, "timed out after " + seconds(settings.timeout()), null, cause);
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return fail(uri, "connection failed (" + detail + ")", null, cause);
    }

    private HttpBody check(HttpResponse<byte[]> response) throws FetchException, Retryable {
        URI uri = response.request().uri();
        HttpBody body = new HttpBody(uri, response.statusCode(), response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        FetchException error = fail(uri, "HTTP " + status + reason(status), body, null);
        if (status != 503 && status != 429) {
            throw error;
        }
        Optional<Duration> retryAfter = retryAfter(response);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
            throw fail(uri, "HTTP " + status + reason(status) + " with Retry-After " + seconds(retryAfter.get())
                    + ", longer than the " + seconds(settings.maxRetryAfter()) + " we wait at most", body, null);
        }
        throw new Retryable(error, retryAfter.orElse(null));
    }

    /** Retry-After as seconds or as an HTTP date; a date in the past means "now". */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                    log.warn("{}: ignoring unreadable Retry-After '{}'", response.request().uri(), value);
                    return Optional.empty();
                }
            }
        });
    }

    private void sleep(URI uri, Duration wait) throws FetchException {
        if (!wait.isPositive()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(uri, "interrupted", null, e);
        }
    }

    private static FetchException giveUp(FetchException last, int attempts) {
        return new FetchException(last.getMessage() + " (gave up after " + attempts + " attempts)",
                last.response().orElse(null), last.getCause());
    }

    private static FetchException fail(URI uri, String what, HttpBody body, Throwable cause) {
        return new FetchException("GET " + uri + ": " + what, body, cause);
    }

    private static String reason(int status) {
        String reason = REASONS.get(status);
        return reason == null ? "" : " " + reason;
    }

    /** "60s", "1.5s": short enough for one-line messages. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }
}

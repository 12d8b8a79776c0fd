package org.paperwire.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop HTTP load generator: each client has its own connection (and cookie jar, like a returning
 * visitor) and sends its next request as soon as the last one is answered. Clients go through the target URLs
 * round-robin, each starting at a different one.
 */
public final class HttpLoad implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * What one run measured. Latencies run from sending a request to having read its whole body; CPU is this
     * process's (server and load generator together) per request, a figure that other load on the machine
     * disturbs far less than latency.
     */
    public record Result(long requests, long errors, double seconds, double rps, double p50Ms, double p99Ms,
            double maxMs, double cpuMsPerRequest, long meanBytes) {}

    private final List<HttpClient> clients = new ArrayList<>();

    public HttpLoad(int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, was " + clients);
        }
        for (int i = 0; i < clients; i++) {
            this.clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).connectTimeout(TIMEOUT).build());
        }
    }

    /** Sends requests to {@code targets} from every client for {@code duration}; answers other than 200 are errors. */
    public Result run(List<URI> targets, Duration duration) throws InterruptedException {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target URLs");
        }
        List<Client> running = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < clients.size(); i++) {
            Client c = new Client(clients.get(i), targets, i, go);
            running.add(c);
            c.thread.start();
        }
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        running.forEach(c -> c.end = end);
        go.countDown();
        for (Client c : running) {
            c.thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return summary(running, seconds, processCpuNanos() - cpu);
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Result summary(List<Client> running, double seconds, long cpuNanos) {
        int n = running.stream().mapToInt(c -> c.count).sum();
        long[] all = new long[n];
        int at = 0;
        long errors = 0;
        long bytes = 0;
        for (Client c : running) {
            System.arraycopy(c.nanos, 0, all, at, c.count);
            at += c.count;
            errors += c.errors;
            bytes += c.bytes;
        }
        Arrays.sort(all);
        return new Result(n, errors, round(seconds), round(n / seconds), ms(percentile(all, 0.50)),
                ms(percentile(all, 0.99)), ms(n == 0 ? 0 : all[n - 1]), n == 0 ? 0 : round(cpuNanos / 1e6 / n),
                n == 0 ? 0 : bytes / n);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public void close() {
        clients.forEach(HttpClient::close);
    }

    /** One client's loop and tallies, read by the runner only after its thread has ended. */
    private static final class Client implements Runnable {
        final HttpClient http;
        final List<HttpRequest> requests;
        final int first;
        final CountDownLatch go;
        final Thread thread;
        volatile long end;
        long[] nanos = new long[4096];
        int count;
        long errors;
        long bytes;

        Client(HttpClient http, List<URI> targets, int first, CountDownLatch go) {
            this.http = http;
            this.requests = targets.stream().map(u -> HttpRequest.newBuilder(u).timeout(TIMEOUT).build()).toList();
            this.first = first;
            this.go = go;
            this.thread = Thread.ofPlatform().name("load-" + first).unstarted(this);
        }

        @Override
        public void run() {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = first; System.nanoTime() < end && !Thread.currentThread().isInterrupted(); i++) {
                HttpRequest request = requests.get(i % requests.size());
                long t = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    bytes += response.body().length;
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                } catch (IOException e) {
                    errors++; // counted, and the run goes on: a benchmark reports failures rather than stopping
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                record(System.nanoTime() - t);
            }
        }

        private void record(long elapsed) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = elapsed;
        }
    }
}

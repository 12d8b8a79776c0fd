package org.paperwire.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several callers at once, each on its own thread (and so on its own connection of the store's pool), released
 * together: how store contract tests play several nodes sharing one database.
 */
public final class AtOnce {
    /** What caller number {@code caller} (from 0) does. */
    @FunctionalInterface
    public interface Call<T> {
        T run(int caller) throws Exception;
    }

    private AtOnce() {}

    /** The callers' results in caller order; the first caller's failure fails the test. */
    public static <T> List<T> run(int callers, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                running.add(pool.submit(() -> {
                    start.await();
                    return call.run(caller);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.paperwire.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.digest.DigestScheduler;
import org.paperwire.ingest.HarvestScheduler;
import org.paperwire.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire serve}: the web service, with scheduled harvests unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Paperwire service.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; env PAPERWIRE_PORT)")
    Integer port;

    @Option(names = "--no-harvest", description = "do not harvest on a schedule (offline use)")
    boolean noHarvest;

    @Override
    public Integer call() throws InterruptedException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            flags.put(ConfigKey.PORT, port.toString());
        }
        if (noHarvest) {
            flags.put(ConfigKey.HARVEST_ENABLED, "false");
        }
        PaperwireConfig config = main.config(flags);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // On SIGTERM / Ctrl-C the JVM ends when the hooks return: ours waits (bounded) until the resources below
        // are closed, so page views are flushed, the index and the database are closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                // the sends under way may take up to sendStopWait to finish; the rest closes in seconds
                closed.await(Paperwire.sendStopWait(config).toSeconds() + 30,
                        TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "paperwire-shutdown"));
        try (Paperwire app = new Paperwire(config, Clock.systemUTC());
                WebServer web = WebApp.create(app);
                HarvestScheduler scheduler = new HarvestScheduler(app.harvests(),
                        config.harvest().sources(), Duration.ofSeconds(30));
                DigestScheduler digests = new DigestScheduler(app.digests(),
                        Duration.ofMinutes(1), app.mailQueued(), Duration.ofSeconds(5), Paperwire.sendStopWait(config))) {
            app.startBackground();
            // confirmation and link mails always; digests at each subscriber's hour unless disabled (see DigestRunner)
            digests.start(config.digest().enabled());
            int actualPort = web.start(config.port());
            if (config.harvest().enabled()) {
                scheduler.start();
            }
            System.out.printf("Paperwire is serving %s on http://localhost:%d (data in %s)%s%n",
                    app.papers().count() + " papers", actualPort, config.dataDir(),
                    config.harvest().enabled() ? "" : "; scheduled harvests are off");
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }
}

package org.paperwire.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.paperwire.config.TestConfigs;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.recommend.Recommender;
import org.paperwire.search.embed.Embedder;

/**
 * The whole app behind the real web server on port 0, for integration tests: built from the given settings and
 * clock, loaded by the test, indexed, then started. Closing it stops the server and closes the app.
 */
public final class TestServer implements AutoCloseable {
    /** What a test puts into the store before the server starts. */
    @FunctionalInterface
    public interface Loader {
        void load(Paperwire app) throws Exception;
    }

    private final Paperwire app;
    private final WebServer web;
    private final int port;

    private TestServer(Paperwire app, WebServer web, int port) {
        this.app = app;
        this.web = web;
        this.port = port;
    }

    /** Default settings over {@code dir}, with background embedding off so that tests don't race an embedder. */
    public static ConfigSources settings(Path dir) {
        return ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false");
    }

    /** {@code settings} sending mail in plain SMTP to a local test server (GreenMail) on {@code smtpPort}. */
    public static ConfigSources mailingTo(ConfigSources settings, int smtpPort) {
        return settings
                .with(ConfigKey.SMTP_HOST, "127.0.0.1")
                .with(ConfigKey.SMTP_PORT, Integer.toString(smtpPort))
                .with(ConfigKey.SMTP_SECURITY, "none");
    }

    /** Builds the app, lets {@code loader} fill its store, indexes what it wrote and starts the server on port 0. */
    public static TestServer start(ConfigSources settings, Clock clock, Loader loader) throws Exception {
        return start(settings, clock, UnaryOperator.identity(), loader);
    }

    /** As {@link #start(ConfigSources, Clock, Loader)}, with the search embedder replaced (a fast stand-in model). */
    public static TestServer start(ConfigSources settings, Clock clock, UnaryOperator<Embedder> embedder, Loader loader)
            throws Exception {
        return start(settings, clock, embedder, UnaryOperator.identity(), loader);
    }

    /** As {@link #start(ConfigSources, Clock, Loader)}, with the app's recommender replaced by {@code recommender}. */
    public static TestServer withRecommender(ConfigSources settings, Clock clock,
            UnaryOperator<Recommender> recommender, Loader loader) throws Exception {
        return start(settings, clock, UnaryOperator.identity(), recommender, loader);
    }

    private static TestServer start(ConfigSources settings, Clock clock, UnaryOperator<Embedder> embedder,
            UnaryOperator<Recommender> recommender, Loader loader) throws Exception {
        Paperwire app = new Paperwire(TestConfigs.from(settings), clock, embedder, recommender);
        try {
            loader.load(app);
            app.search().follower().catchUp();
            WebServer web = WebApp.create(app);
            return new TestServer(app, web, web.start(0));
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    public Paperwire app() {
        return app;
    }

    public int port() {
        return port;
    }

    /** The server's address for {@code path} (which starts with a slash). */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        web.close();
        app.close();
    }
}

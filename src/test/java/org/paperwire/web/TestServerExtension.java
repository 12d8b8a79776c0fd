package org.paperwire.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperwire.TempFolders;

/**
 * A {@link TestServer} with default settings over a fresh temporary folder and a clock fixed at {@code now}, for a
 * whole test class: register it as a static {@code @RegisterExtension} field; it starts before the class's tests
 * and is closed, its folder deleted, after them.
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final Instant now;
    private final TestServer.Loader loader;
    private Path dir;
    private TestServer server;

    public TestServerExtension(Instant now, TestServer.Loader loader) {
        this.now = now;
        this.loader = loader;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = TempFolders.create();
        server = TestServer.start(TestServer.settings(dir), Clock.fixed(now, ZoneOffset.UTC), loader);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        TempFolders.delete(dir);
    }

    public int port() {
        return server.port();
    }

    /** A plain GET of {@code path} (which starts with a slash) from the running server. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return ServerTestSupport.get(server.port(), path);
    }
}

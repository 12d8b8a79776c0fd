package org.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.paper.Paper;
import org.paperwire.web.WebServer;

/**
 * The composition root holds no static state: two instances on two data folders live side by side in one JVM,
 * each with its own store, secret and web server. Nothing here searches, so no embedding model loads.
 */
class PaperwireTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T18:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Paperwire first;
    Paperwire second;

    static Paperwire open(Path data) {
        return new Paperwire(TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, data.toString())),
                CLOCK);
    }

    static Paper paper(String id) {
        return new Paper(id, 1, "A paper", "An abstract.", List.of("Ada Lovelace"), List.of("cs.CL"), null, null,
                null, null, null, LocalDate.parse("2026-06-30"));
    }

    @BeforeEach
    void openTwo() {
        first = open(dir.resolve("first"));
        second = open(dir.resolve("second"));
    }

    @AfterEach
    void closeBoth() {
        first.close();
        second.close();
    }

    @Test
    void eachInstanceKeepsItsOwnPapers() {
        first.papers().upsertAll(List.of(paper("2606.00001"), paper("2606.00002")));
        second.papers().upsertAll(List.of(paper("2606.00003")));
        assertThat(first.papers().count()).isEqualTo(2);
        assertThat(second.papers().count()).isEqualTo(1);
        assertThat(second.papers().find("2606.00001")).isEmpty();
    }

    @Test
    void eachInstanceHasItsOwnSecretAndKeepsItAcrossARestart() {
        byte[] firstSecret = first.secret();
        assertThat(firstSecret).isNotEqualTo(second.secret());
        first.close();
        first = open(dir.resolve("first"));
        assertThat(first.secret()).isEqualTo(firstSecret);
    }

    @Test
    void closingOneInstanceLeavesTheOtherWorking() {
        first.close();
        second.papers().upsertAll(List.of(paper("2606.00003")));
        assertThat(second.papers().count()).isEqualTo(1);
        first = open(dir.resolve("first")); // for closeBoth
    }

    @Test
    void twoWebServersAnswerFromTheirOwnStores() throws Exception {
        first.papers().upsertAll(List.of(paper("2606.00001"), paper("2606.00002")));
        try (WebServer a = WebApp.create(first); WebServer b = WebApp.create(second)) {
            int portA = a.start(0);
            int portB = b.start(0);
            assertThat(health(portA)).contains("\"papers\":2");
            assertThat(health(portB)).contains("\"papers\":0");
        }
    }

    static String health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

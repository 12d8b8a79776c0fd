package org.paperwire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: the files through which {@code reindex} asks the holder of an index (a running serve) to rebuild it. */
class RebuildRequestsTest {
    static final Instant T0 = Instant.parse("2026-06-30T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void commandsAskingAtOnceShareOneRequestAndTheHolderRemovesOnlyTheOneItAnswered() {
        RebuildRequests requests = new RebuildRequests(dir);
        RebuildRequests.Request first = requests.ask("1@host/a#1", T0);
        RebuildRequests.Request second = requests.ask("2@host/b#2", T0.plusSeconds(1));

        assertThat(second).isEqualTo(first);
        assertThat(requests.pending()).contains(first);

        requests.close(new RebuildRequests.Request("another", "3@host", T0));
        assertThat(requests.pending()).contains(first);
        requests.close(first);
        assertThat(requests.pending()).isEmpty();
        assertThat(requests.ask("2@host/b#2", T0.plusSeconds(2)).id()).isNotEqualTo(first.id());
    }

    @Test
    void theStatusComesBackAsWrittenEvenWithLineBreaksAndSeparatorsInTheError() {
        RebuildRequests requests = new RebuildRequests(dir);
        RebuildRequests.Status failed = new RebuildRequests.Status("id-1", RebuildRequests.State.FAILED,
                "4711@web-2/2026-06-30T10:00:00Z#3fa2", 1200, 3400, "disk full:\nkey = value # not a comment");

        requests.report(failed);

        assertThat(requests.status()).contains(failed);
    }

    @Test
    void aFileThisVersionCannotReadIsNoRequestAndIsReplacedByTheNextAsk() throws Exception {
        RebuildRequests requests = new RebuildRequests(dir);
        Files.writeString(requests.requestFile(), "garbage");

        assertThat(requests.pending()).isEmpty();
        RebuildRequests.Request asked = requests.ask("1@host", T0);
        assertThat(requests.pending()).contains(asked);
    }
}

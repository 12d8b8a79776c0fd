package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.ingest.http.ReplayServer;
import org.paperwire.ingest.http.ReplayServer.Reply;

class HarvestCommandTest {
    @TempDir
    Path dir;

    @Test
    void harvestFromOaiPmhPrintsOneJsonReportNamingTheSource() throws Exception {
        try (ReplayServer oai = new ReplayServer()) {
            oai.on("/oai", param("set", "cs"), Reply.resource("fixtures/arxiv-oai/ListRecords_arXivRaw_set-cs_page1.xml"))
                    .on("/oai", param("resumptionToken", "6000001|4"),
                            Reply.resource("fixtures/arxiv-oai/ListRecords_arXivRaw_set-cs_page2_end.xml"))
                    .on("/oai", param("set", "stat"), Reply.resource("fixtures/arxiv-oai/error_noRecordsMatch.xml"));
            Path config = Files.writeString(dir.resolve("paperwire.conf"), String.join("\n",
                    "arxiv.oai.url = " + oai.url("/oai"),
                    "arxiv.request-interval = PT0S",
                    "data-dir = " + dir.resolve("data").toString().replace("\\", "/")));

            CliRun run = CliRun.paperwire("harvest", "--source", "arxiv-oai", "--json", "--config", config.toString());
            int status = run.status();
            String out = run.out();

            assertThat(status).as(out).isZero();
            assertThat(out.strip().lines()).hasSize(1);
            JsonNode report = new ObjectMapper().readTree(out);
            assertThat(report.get("source").asText()).isEqualTo("arxiv-oai");
            assertThat(report.get("read").asLong()).isEqualTo(5);
            assertThat(report.get("new").asLong()).isEqualTo(3);
            assertThat(report.get("skipped").asLong()).isEqualTo(2);
            assertThat(report.get("failed").asLong()).isZero();
            assertThat(report.has("error")).isFalse();
            assertThat(oai.requests()).extracting(r -> r.userAgent()).allMatch(ua -> ua.startsWith("Paperwire/"));
        }
    }

    private static Predicate<Map<String, String>> param(String name, String value) {
        return query -> value.equals(query.get(name));
    }
}

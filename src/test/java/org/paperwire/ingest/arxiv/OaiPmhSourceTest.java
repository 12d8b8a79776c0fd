package org.paperwire.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.ingest.arxiv.ArxivHarness.NOW;
import static org.paperwire.ingest.arxiv.ArxivHarness.param;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.SharedData;
import org.paperwire.ingest.HarvestService;
import org.paperwire.ingest.SourceStatus;
import org.paperwire.ingest.http.ReplayServer.Reply;
import org.paperwire.paper.Paper;

class OaiPmhSourceTest {
    private static final String FIXTURES = "fixtures/arxiv-oai/";
    private static final String TOKEN = "6000001|4";
    private static final String[] ML_WITHOUT_STAT = {"cs.LG", "cs.CL", "cs.CV", "cs.AI"};

    @RegisterExtension
    final ArxivHarness h = new ArxivHarness();

    private static Reply page(String name) {
        return Reply.resource(FIXTURES + name);
    }

    private void serveTwoPagesOfSetCs() {
        h.server.on("/oai", param("set", "cs"), page("ListRecords_arXivRaw_set-cs_page1.xml"))
                .on("/oai", param("resumptionToken", TOKEN), page("ListRecords_arXivRaw_set-cs_page2_end.xml"));
    }

    private HarvestService.Run harvest(HarvestService service, LocalDate from) {
        return service.run(OaiPmhSource.NAME, from);
    }

    @Test
    void followsTheResumptionTokenToTheEndOfTheListAndCheckpointsTheDayOfTheFirstResponse() {
        serveTwoPagesOfSetCs();

        HarvestService.Run run = harvest(h.service(h.oai("arXivRaw", ML_WITHOUT_STAT)), null);

        assertThat(h.server.requests()).extracting(r -> r.query()).containsExactly(
                Map.of("verb", "ListRecords", "metadataPrefix", "arXivRaw", "set", "cs", "from", "2019-10-02"),
                Map.of("verb", "ListRecords", "resumptionToken", TOKEN));
        assertThat(run.error()).isEmpty();
        assertThat(run.report().read()).isEqualTo(5);
        assertThat(run.report().created()).isEqualTo(3);
        assertThat(run.report().skippedReasons()).containsExactlyInAnyOrderEntriesOf(Map.of(
                OaiPmhSource.NOT_HARVESTED, 1L, OaiPage.DELETED, 1L));
        SourceStatus status = run.status();
        assertThat(status.checkpoint()).isEqualTo("2019-10-09");
        assertThat(status.lastSuccess()).isEqualTo(h.time.instant());
        assertThat(status.nextAttempt()).isEqualTo(h.time.instant().plus(ArxivHarness.INTERVAL));
        assertThat(status.lastError()).isNull();
        assertThat(status.lastRun()).isEqualTo(new SourceStatus.Counts(5, 3, 0));
        assertThat(h.statuses.find(OaiPmhSource.NAME)).contains(status);
    }

    @Test
    void keepsArxivsRequestIntervalBetweenPages() {
        serveTwoPagesOfSetCs();

        harvest(h.service(h.oai("arXivRaw", ML_WITHOUT_STAT)), null);

        assertThat(h.time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void takesSubmissionDatesFromTheVersionsNeverFromTheOaiDatestamp() {
        serveTwoPagesOfSetCs();

        harvest(h.service(h.oai("arXivRaw", ML_WITHOUT_STAT)), null);

        // metadata changed on 2019-10-05 (the datestamp); the paper itself is from 2017
        Paper old = h.paper("1708.00005");
        assertThat(old.firstSubmitted()).isEqualTo(Instant.parse("2017-08-01T10:00:00Z"));
        assertThat(old.lastUpdated()).isEqualTo(Instant.parse("2018-03-12T11:30:00Z"));
        assertThat(old.version()).isEqualTo(2);
        assertThat(old.authors()).containsExactly("Fei-Fei Li", "Andrej Karpathy", "Justin Johnson");
    }

    @Test
    void readsEveryFieldOfAnArxivRawRecord() {
        serveTwoPagesOfSetCs();

        harvest(h.service(h.oai("arXivRaw", ML_WITHOUT_STAT)), null);

        assertThat(h.paper("1909.00001")).isEqualTo(new Paper("1909.00001", 2,
                "Analytical Engines as Universal Learners",
                "We show that the analytical engine can learn. The proof is by construction and runs on punched cards.",
                List.of("Ada Lovelace", "Charles Babbage", "Grace M. Hopper"),
                List.of("cs.LG", "stat.ML"),
                "12 pages, 3 figures", "Notes on the Engine 1 (2019) 1-12", "10.1000/engine.2019.001",
                Instant.parse("2019-09-01T00:10:00Z"), Instant.parse("2019-10-08T09:00:00Z"), null));
    }

    @Test
    void storesAPaperCrossListedInTwoSetsOnce() {
        serveTwoPagesOfSetCs();
        h.server.on("/oai", param("set", "stat"), page("ListRecords_arXivRaw_set-stat.xml"));

        HarvestService.Run run = harvest(h.service(h.oai("arXivRaw", "cs.LG", "stat.ML")), null);

        assertThat(h.server.requests()).extracting(r -> r.query().get("set")).containsExactly("cs", null, "stat");
        assertThat(run.report().read()).isEqualTo(6);
        assertThat(run.report().created()).isEqualTo(2);
        assertThat(run.report().skipped()).isEqualTo(4);
        assertThat(h.papers.count()).isEqualTo(2);
    }

    @Test
    void resumesFromTheCheckpointAndAFromDateOverridesIt() {
        serveTwoPagesOfSetCs();
        HarvestService service = h.service(h.oai("arXivRaw", ML_WITHOUT_STAT));
        harvest(service, null);
        h.server.reset().on("/oai", param("set", "cs"), page("error_noRecordsMatch.xml"));

        HarvestService.Run nothingNew = harvest(service, null);
        harvest(service, LocalDate.parse("2019-01-01"));

        assertThat(h.server.requests()).extracting(r -> r.query().get("from"))
                .containsExactly("2019-10-02", null, "2019-10-09", "2019-01-01");
        assertThat(nothingNew.error()).isEmpty();
        assertThat(nothingNew.report().read()).isZero();
        assertThat(nothingNew.status().checkpoint()).isEqualTo("2019-10-09");
        assertThat(nothingNew.status().total()).isEqualTo(new SourceStatus.Counts(5, 3, 0));
    }

    @Test
    void failsOnAnOaiErrorNamingItsCodeAndMessageAndKeepsThePagesBefore() {
        h.server.on("/oai", param("set", "cs"), page("ListRecords_arXivRaw_set-cs_page1.xml"))
                .on("/oai", param("resumptionToken", TOKEN), page("error_badResumptionToken.xml"));

        HarvestService.Run run = harvest(h.service(h.oai("arXivRaw", ML_WITHOUT_STAT)), null);

        String url = h.server.url("/oai") + "?verb=ListRecords&resumptionToken=6000001%7C4";
        String message = "GET " + url + ": OAI-PMH error badResumptionToken:"
                + " The value of the resumptionToken argument is invalid or expired.";
        assertThat(run.error()).contains(message);
        SourceStatus status = run.status();
        assertThat(status.lastError()).isEqualTo(message);
        assertThat(status.lastErrorAt()).isEqualTo(h.time.instant());
        assertThat(status.nextAttempt()).isEqualTo(h.time.instant().plus(ArxivHarness.RETRY_DELAY));
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(status.lastSuccess()).isNull();
        assertThat(status.checkpoint()).isNull();
        assertThat(status.lastRun()).isEqualTo(new SourceStatus.Counts(3, 1, 0));
        assertThat(h.papers.find("1909.00001")).isPresent();
    }

    @Test
    void keepsEarlierPagesWhenALaterOneIsMalformedAndResumesFromTheOldCheckpointNextTime() {
        h.statuses.saveRun(new SourceStatus(OaiPmhSource.NAME, "2019-10-01", null, NOW.minusSeconds(86_400), null, null,
                null, 0, SourceStatus.Counts.ZERO, SourceStatus.Counts.ZERO));
        h.server.on("/oai", param("set", "cs"), page("ListRecords_arXivRaw_set-cs_page1.xml"))
                .on("/oai", param("resumptionToken", TOKEN), page("ListRecords_arXivRaw_set-cs_page2_malformed.xml"));
        HarvestService service = h.service(h.oai("arXivRaw", ML_WITHOUT_STAT));

        HarvestService.Run failed = harvest(service, null);

        String url = h.server.url("/oai") + "?verb=ListRecords&resumptionToken=6000001%7C4";
        assertThat(failed.error().orElseThrow()).startsWith("GET " + url + ": invalid XML at line 14, column ")
                .contains("title");
        assertThat(failed.status().checkpoint()).isEqualTo("2019-10-01");
        assertThat(failed.status().lastRun()).isEqualTo(new SourceStatus.Counts(3, 1, 0));
        assertThat(h.papers.find("1909.00001")).isPresent();

        h.server.reset().on("/oai", param("set", "cs"), page("ListRecords_arXivRaw_set-cs_page1.xml"))
                .on("/oai", param("resumptionToken", TOKEN), page("ListRecords_arXivRaw_set-cs_page2_end.xml"));
        h.time.advance(ArxivHarness.RETRY_DELAY);
        assertThat(service.isDue(OaiPmhSource.NAME)).isTrue();
        HarvestService.Run retried = harvest(service, null);

        assertThat(h.server.requests().get(2).query()).containsEntry("from", "2019-10-01");
        assertThat(retried.error()).isEmpty();
        assertThat(retried.report().unchanged()).isEqualTo(1);
        assertThat(retried.report().created()).isEqualTo(2);
        assertThat(retried.status().checkpoint()).isEqualTo("2019-10-09");
        assertThat(retried.status().consecutiveFailures()).isZero();
        assertThat(retried.status().total()).isEqualTo(new SourceStatus.Counts(8, 3, 0));
    }

    @Test
    void waitsOutA503WithRetryAfterAndThenHarvests() {
        h.server.on("/oai", param("set", "cs"),
                        Reply.text(503, "busy").withHeader("Retry-After", "30"),
                        page("ListRecords_arXivRaw_set-cs_page1.xml"))
                .on("/oai", param("resumptionToken", TOKEN), page("ListRecords_arXivRaw_set-cs_page2_end.xml"));

        HarvestService.Run run = harvest(h.service(h.oai("arXivRaw", ML_WITHOUT_STAT)), null);

        assertThat(run.error()).isEmpty();
        assertThat(h.time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(3));
        assertThat(run.report().created()).isEqualTo(3);
    }

    @Test
    void readsTheArxivMetadataFormatWithItsStructuredAuthors() {
        h.server.on("/oai", param("metadataPrefix", "arXiv"), page("ListRecords_arXiv_set-cs.xml"));

        HarvestService.Run run = harvest(h.service(h.oai("arXiv", "cs.CG", "cs.LG")), null);

        assertThat(run.report().created()).isEqualTo(2);
        Paper graphs = h.paper("0704.0002");
        assertThat(graphs.authors()).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(graphs.categories()).containsExactly("math.CO", "cs.CG");
        assertThat(graphs.version()).isZero();
        assertThat(graphs.firstSubmitted()).isEqualTo(Instant.parse("2007-03-30T00:00:00Z"));
        assertThat(graphs.lastUpdated()).isEqualTo(Instant.parse("2008-12-13T00:00:00Z"));
        assertThat(graphs.abstractText()).startsWith("We describe a new algorithm, the $(k,\\ell)$-pebble game");
        Paper fair = h.paper("1910.00007");
        assertThat(fair.authors()).containsExactly("Martin Luther King Jr", "Ada Lovelace");
        assertThat(fair.title()).isEqualTo("Dreams of Fair Classifiers");
        assertThat(fair.lastUpdated()).isEqualTo(fair.firstSubmitted());
        assertThat(fair.doi()).isEqualTo("10.1000/fair.2019.7");
    }

    @Test
    void harvestsTheRecorded1000RecordPageAndTheFollowUpPage() {
        h.server.on("/oai", param("set", "cs"), Reply.file(SharedData.path(
                        "fixtures/arxiv-oai-pmh/ListRecords_arXivRaw_set-cs_2019-10-01_2019-10-09_page1.xml")))
                .on("/oai", param("resumptionToken", "3996692|1001"), page("ListRecords_arXivRaw_set-cs_page2_end.xml"))
                .on("/oai", param("set", "stat"), page("error_noRecordsMatch.xml"));

        HarvestService.Run run = harvest(h.service(h.oai("arXivRaw", "cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML")), null);

        assertThat(run.error()).isEmpty();
        assertThat(run.report().read()).isEqualTo(1002);
        assertThat(run.report().created()).isEqualTo(568);
        assertThat(run.report().skippedReasons()).isEqualTo(Map.of(OaiPmhSource.NOT_HARVESTED, 434L));
        // the earliest first response of the run: set stat answered (in this replay) on 2019-10-09
        assertThat(run.status().checkpoint()).isEqualTo("2019-10-09");
        Paper plates = h.paper("1701.08711");
        assertThat(plates.version()).isEqualTo(5);
        assertThat(plates.firstSubmitted()).isEqualTo(Instant.parse("2017-01-30T17:14:25Z"));
        assertThat(plates.lastUpdated()).isEqualTo(Instant.parse("2019-10-08T16:25:45Z"));
        assertThat(plates.categories()).containsExactly("cs.CL", "cs.LG", "q-fin.EC", "stat.ML");
        assertThat(plates.doi()).isEqualTo("10.1016/j.eswa.2019.113008");
        assertThat(plates.title()).isEqualTo("Predicting Auction Price of Vehicle License Plate with Deep Recurrent Neural Network");
        assertThat(h.paper("1706.04902").authors()).containsExactly("Sebastian Ruder", "Ivan Vuli\\'c", "Anders S{\\o}gaard");
        assertThat(h.papers.find("1207.4664")).as("physics.med-ph with cs.NA only: not harvested").isEmpty();
    }
}
